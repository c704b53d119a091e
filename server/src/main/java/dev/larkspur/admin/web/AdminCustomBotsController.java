package dev.larkspur.admin.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.webhook.CustomBot;
import dev.larkspur.webhook.CustomBots;
import dev.larkspur.webhook.NewCustomBot;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A group's custom bots, as a member adds them in the Feishu client: each with the hook URL to post
 * to (absolute, on the address the operator reached this server by). The signing secret is in the
 * answer that makes it (creation, reset) and nowhere else, like an app's secret.
 */
@RestController
@RequestMapping("/admin/v1")
class AdminCustomBotsController {
    private final CustomBots bots;

    AdminCustomBotsController(CustomBots bots) {
        this.bots = bots;
    }

    record CustomBotBody(String name, Boolean secretEnabled, List<String> keywords, List<String> ipAllowList) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CustomBotView(
            String botId,
            String chatId,
            String name,
            String hookUrl,
            boolean secretEnabled,
            String secret,
            List<String> keywords,
            List<String> ipAllowList,
            String createTime) {
        /** As lists show it: everything but the secret. */
        static CustomBotView listed(CustomBot bot) {
            var view = of(bot);
            return new CustomBotView(
                    view.botId(),
                    view.chatId(),
                    view.name(),
                    view.hookUrl(),
                    view.secretEnabled(),
                    null,
                    view.keywords(),
                    view.ipAllowList(),
                    view.createTime());
        }

        static CustomBotView of(CustomBot bot) {
            return new CustomBotView(
                    bot.botId(),
                    bot.chatId(),
                    bot.name(),
                    ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/open-apis/bot/v2/hook/{token}")
                            .buildAndExpand(bot.hookToken())
                            .toUriString(),
                    bot.signed(),
                    bot.secret(),
                    bot.keywords().values(),
                    bot.ipAllowList().entries(),
                    String.valueOf(bot.createdAt()));
        }
    }

    @PostMapping("/chats/{chat_id}/custom_bots")
    ApiResponse<CustomBotView> create(
            @PathVariable("chat_id") String chatId, @RequestBody(required = false) CustomBotBody body) {
        var b = body == null ? new CustomBotBody(null, null, null, null) : body;
        var spec = NewCustomBot.of(b.name(), b.secretEnabled(), b.keywords(), b.ipAllowList());
        return ApiResponse.success(CustomBotView.of(bots.create(chatId, spec)));
    }

    @GetMapping("/chats/{chat_id}/custom_bots")
    ApiResponse<AdminViews.Page<CustomBotView>> list(@PathVariable("chat_id") String chatId) {
        var items = bots.ofChat(chatId).stream().map(CustomBotView::listed).toList();
        return ApiResponse.success(new AdminViews.Page<>(items, false, null));
    }

    /** A new signing secret, in this answer only; the old one stops working. */
    @PostMapping("/custom_bots/{bot_id}/secret")
    ApiResponse<CustomBotView> resetSecret(@PathVariable("bot_id") String botId) {
        return ApiResponse.success(CustomBotView.of(bots.resetSecret(botId)));
    }

    @DeleteMapping("/custom_bots/{bot_id}")
    ApiResponse<Map<String, Object>> delete(@PathVariable("bot_id") String botId) {
        bots.delete(botId);
        return ApiResponse.empty();
    }
}
