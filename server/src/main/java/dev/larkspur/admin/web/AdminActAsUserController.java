package dev.larkspur.admin.web;

import static dev.larkspur.admin.web.ActingAs.actingAs;

import dev.larkspur.chat.ChatQueries;
import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserService;
import dev.larkspur.message.MessagePresenter;
import dev.larkspur.message.MessageReads;
import dev.larkspur.message.MessageSending;
import dev.larkspur.message.MessageView;
import dev.larkspur.platform.ApiResponse;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators and tests act as a person, as a Feishu client would: write to a bot, a group or another
 * person, read messages. The same rules and events apply as for any sender. Ids (the receiver's, and
 * those inside content such as {@code <at>} open_ids) are read as the given app sees them: the bot
 * written to; for a group {@code app_id} or else the chat's creator; for a person {@code app_id} or
 * else the tenant's first app.
 */
@RestController
@RequestMapping("/admin/v1/tenants/{tenant_key}/users/{user_id}")
class AdminActAsUserController {
    private final UserService users;
    private final AppService apps;
    private final ChatQueries chats;
    private final MessageSending sending;
    private final MessageReads reads;
    private final MessagePresenter presenter;

    AdminActAsUserController(
            UserService users,
            AppService apps,
            ChatQueries chats,
            MessageSending sending,
            MessageReads reads,
            MessagePresenter presenter) {
        this.users = users;
        this.apps = apps;
        this.chats = chats;
        this.sending = sending;
        this.reads = reads;
        this.presenter = presenter;
    }

    private static final Set<String> PERSON_ID_TYPES = Set.of("open_id", "union_id", "user_id", "email");

    record SendBody(
            String receiveIdType, String receiveId, String msgType, String content, String uuid, String appId) {}

    record ReadBody(List<String> messageIds, String appId) {}

    record ReadData(int read) {}

    @PostMapping("/messages")
    ApiResponse<MessageView> send(
            @PathVariable("tenant_key") String tenantKey,
            @PathVariable("user_id") String userId,
            @RequestBody(required = false) SendBody body) {
        if (body == null || body.receiveId() == null) {
            throw DirectoryErrors.invalid("receive_id_type (app_id or chat_id) and receive_id are required");
        }
        var user = user(tenantKey, userId);
        var draft = new MessageSending.Draft(body.msgType(), body.content(), body.uuid());
        if ("app_id".equals(body.receiveIdType())) {
            var caller = actingAs(user, apps.get(body.receiveId()));
            return ApiResponse.success(presenter.one(caller, sending.sendToBot(caller, draft)));
        }
        if (PERSON_ID_TYPES.contains(body.receiveIdType())) {
            // To a person: the p2p chat of the two people. The app only decides how ids read.
            var caller = actingAs(user, body.appId() != null ? apps.get(body.appId()) : firstApp(tenantKey));
            return ApiResponse.success(
                    presenter.one(caller, sending.send(caller, body.receiveIdType(), body.receiveId(), draft)));
        }
        if (!"chat_id".equals(body.receiveIdType())) {
            throw DirectoryErrors.invalid(
                    "receive_id_type must be app_id, chat_id, open_id, union_id, user_id or email");
        }
        var caller = actingAs(user, appFor(body.appId(), body.receiveId()));
        return ApiResponse.success(presenter.one(caller, sending.send(caller, "chat_id", body.receiveId(), draft)));
    }

    @PostMapping("/reads")
    ApiResponse<ReadData> read(
            @PathVariable("tenant_key") String tenantKey,
            @PathVariable("user_id") String userId,
            @RequestBody(required = false) ReadBody body) {
        var user = user(tenantKey, userId);
        var ids = body == null || body.messageIds() == null ? List.<String>of() : body.messageIds();
        var app = body != null && body.appId() != null ? apps.get(body.appId()) : firstApp(tenantKey);
        return ApiResponse.success(new ReadData(reads.markRead(actingAs(user, app), ids)));
    }

    private App firstApp(String tenantKey) {
        return apps.list(tenantKey).stream().findFirst().orElseThrow(() -> DirectoryErrors.invalid("no app"));
    }

    private User user(String tenantKey, String userId) {
        return users.findByUserId(tenantKey, userId).orElseThrow(() -> DirectoryErrors.notFound("user " + userId));
    }

    private App appFor(String appId, String chatId) {
        if (appId != null) {
            return apps.get(appId);
        }
        var chat = chats.find(chatId).orElseThrow(() -> DirectoryErrors.notFound("chat " + chatId));
        var creator = apps.appIds(Set.of(chat.creatorAppPk() == null ? -1L : chat.creatorAppPk()));
        return apps.get(creator.values().stream()
                .findFirst()
                .orElseThrow(() -> DirectoryErrors.invalid("app_id is required for this chat")));
    }
}
