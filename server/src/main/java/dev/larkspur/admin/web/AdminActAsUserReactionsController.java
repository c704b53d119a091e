package dev.larkspur.admin.web;

import static dev.larkspur.admin.web.ActingAs.actingAs;

import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserService;
import dev.larkspur.message.MessageReactions;
import dev.larkspur.message.ReactionPresenter;
import dev.larkspur.message.ReactionView;
import dev.larkspur.platform.ApiResponse;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators and tests react as a person, as a Feishu client would: add an emoji to a message, take
 * it back. The person acts through {@code app_id}, or else the tenant's first app; the app decides
 * only how ids are shown, since the person is the operator of the reaction and of its events.
 */
@RestController
@RequestMapping("/admin/v1/tenants/{tenant_key}/users/{user_id}/reactions")
class AdminActAsUserReactionsController {
    private final UserService users;
    private final AppService apps;
    private final MessageReactions reactions;
    private final ReactionPresenter presenter;

    AdminActAsUserReactionsController(
            UserService users, AppService apps, MessageReactions reactions, ReactionPresenter presenter) {
        this.users = users;
        this.apps = apps;
        this.reactions = reactions;
        this.presenter = presenter;
    }

    record AddBody(String messageId, String emojiType, String appId) {}

    @PostMapping
    ApiResponse<ReactionView> add(
            @PathVariable("tenant_key") String tenantKey,
            @PathVariable("user_id") String userId,
            @RequestBody(required = false) AddBody body) {
        if (body == null || body.messageId() == null) {
            throw DirectoryErrors.invalid("message_id and emoji_type are required");
        }
        var caller = actingAs(user(tenantKey, userId), app(tenantKey, body.appId()));
        return ApiResponse.success(presenter.one(caller, reactions.add(caller, body.messageId(), body.emojiType())));
    }

    @DeleteMapping("/{reaction_id}")
    ApiResponse<ReactionView> delete(
            @PathVariable("tenant_key") String tenantKey,
            @PathVariable("user_id") String userId,
            @PathVariable("reaction_id") String reactionId,
            @RequestParam(name = "app_id", required = false) String appId) {
        var caller = actingAs(user(tenantKey, userId), app(tenantKey, appId));
        return ApiResponse.success(presenter.one(caller, reactions.remove(caller, reactionId)));
    }

    private User user(String tenantKey, String userId) {
        return users.findByUserId(tenantKey, userId).orElseThrow(() -> DirectoryErrors.notFound("user " + userId));
    }

    private App app(String tenantKey, String appId) {
        return appId != null
                ? apps.get(appId)
                : apps.list(tenantKey).stream().findFirst().orElseThrow(() -> DirectoryErrors.invalid("no app"));
    }
}
