package dev.larkspur.admin.web;

import static dev.larkspur.admin.web.ActingAs.actingAs;

import dev.larkspur.chat.P2pChats;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.ApiResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators and tests open a bot's p2p chat as a person, as a Feishu client does when the person
 * clicks the bot: the chat is opened if needed ({@code p2p_chat_create} on first opening) and the
 * bot hears {@code im.chat.access_event.bot_p2p_chat_entered_v1}.
 */
@RestController
@RequestMapping("/admin/v1/tenants/{tenant_key}/users/{user_id}/bot_chats")
class AdminActAsUserBotChatsController {
    private final UserService users;
    private final AppService apps;
    private final P2pChats p2p;

    AdminActAsUserBotChatsController(UserService users, AppService apps, P2pChats p2p) {
        this.users = users;
        this.apps = apps;
        this.p2p = p2p;
    }

    record EnterBody(String appId) {}

    record Entered(String chatId) {}

    @PostMapping("/enter")
    ApiResponse<Entered> enter(
            @PathVariable("tenant_key") String tenantKey,
            @PathVariable("user_id") String userId,
            @RequestBody(required = false) EnterBody body) {
        if (body == null || body.appId() == null) {
            throw DirectoryErrors.invalid("app_id is required");
        }
        var user = users.findByUserId(tenantKey, userId).orElseThrow(() -> DirectoryErrors.notFound("user " + userId));
        var app = apps.get(body.appId());
        if (!app.botEnabled()) {
            throw DirectoryErrors.invalid("app " + app.appId() + " has no bot");
        }
        var caller = actingAs(user, app);
        var chat = p2p.enter(caller.appPk(), caller.tenantPk(), user.pk());
        return ApiResponse.success(new Entered(chat.chatId()));
    }
}
