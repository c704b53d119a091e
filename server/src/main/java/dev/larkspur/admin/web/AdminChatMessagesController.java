package dev.larkspur.admin.web;

import static dev.larkspur.admin.web.ActingAs.asApp;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.message.MessagePresenter;
import dev.larkspur.message.MessageQueries;
import dev.larkspur.message.MessageView;
import dev.larkspur.platform.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A chat's history as an app reads it with {@code GET /open-apis/im/v1/messages}, oldest first, but
 * outside the Open API: a test harness watching a chat for its bot's answers (the JUnit kit) neither
 * spends the bot's rate limit nor takes the fault rules meant for the bot. The app must be in the
 * chat, as for the Open API call.
 */
@RestController
class AdminChatMessagesController {
    private final AppService apps;
    private final MessageQueries queries;
    private final MessagePresenter presenter;

    AdminChatMessagesController(AppService apps, MessageQueries queries, MessagePresenter presenter) {
        this.apps = apps;
        this.queries = queries;
        this.presenter = presenter;
    }

    @GetMapping("/admin/v1/chats/{chat_id}/messages")
    ApiResponse<AdminViews.Page<MessageView>> list(
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "app_id", required = false) String appId,
            @RequestParam(name = "page_token", required = false) String pageToken,
            @RequestParam(name = "page_size", required = false) Integer pageSize) {
        if (appId == null || appId.isBlank()) {
            throw DirectoryErrors.invalid("app_id is required: messages are shown as an app in the chat sees them");
        }
        var caller = asApp(apps.get(appId));
        var page = queries.list(caller, "chat", chatId, null, null, "ByCreateTimeAsc", pageToken, pageSize);
        return ApiResponse.success(
                new AdminViews.Page<>(presenter.render(caller, page.items(), false), page.hasMore(), page.pageToken()));
    }
}
