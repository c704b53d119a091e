package dev.larkspur.web.console.custombots;

import dev.larkspur.web.console.ConsoleForms;
import dev.larkspur.webhook.CustomBot;
import dev.larkspur.webhook.CustomBots;
import dev.larkspur.webhook.NewCustomBot;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A group's custom bots (the admin API's {@code /admin/v1/chats/{chat_id}/custom_bots}): create
 * with a secret, keywords and an IP allow list, see the hook URL, reset the secret, delete. A
 * signing secret shows once, on the page right after it is made, like an app's secret.
 */
@Controller
class CustomBotsController {
    private final CustomBots bots;

    CustomBotsController(CustomBots bots) {
        this.bots = bots;
    }

    record BotRow(String botId, String name, String hookUrl, boolean signed, List<String> keywords, List<String> ips) {
        static BotRow of(CustomBot b) {
            return new BotRow(
                    b.botId(),
                    b.name(),
                    ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/open-apis/bot/v2/hook/{token}")
                            .buildAndExpand(b.hookToken())
                            .toUriString(),
                    b.signed(),
                    b.keywords().values(),
                    b.ipAllowList().entries());
        }
    }

    @GetMapping("/console/custom-bots")
    String list(@RequestParam(name = "chat_id", defaultValue = "") String chatId, Model model) {
        model.addAttribute("chatId", chatId.strip());
        if (!chatId.isBlank()) {
            model.addAttribute(
                    "bots", bots.ofChat(chatId.strip()).stream().map(BotRow::of).toList());
        }
        return "web/console/custom-bots";
    }

    @PostMapping("/console/custom-bots/{chat_id}")
    String create(
            @PathVariable("chat_id") String chatId,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "secret", defaultValue = "false") boolean secret,
            @RequestParam(name = "keywords", defaultValue = "") String keywords,
            @RequestParam(name = "ip_allow_list", defaultValue = "") String ips,
            RedirectAttributes flash) {
        return ConsoleForms.act(flash, page(chatId), () -> {
            var bot = bots.create(chatId, NewCustomBot.of(name, secret, lines(keywords), lines(ips)));
            showOnce(flash, bot);
            return "Custom bot " + bot.name() + " added.";
        });
    }

    @PostMapping("/console/custom-bots/{chat_id}/{bot_id}/secret")
    String resetSecret(
            @PathVariable("chat_id") String chatId, @PathVariable("bot_id") String botId, RedirectAttributes flash) {
        return ConsoleForms.act(flash, page(chatId), () -> {
            var bot = bots.resetSecret(botId);
            showOnce(flash, bot);
            return "New signing secret for " + bot.name() + ": the old one no longer works.";
        });
    }

    /** The secret goes to the next page only (a flash attribute), never into the list. */
    private static void showOnce(RedirectAttributes flash, CustomBot bot) {
        if (bot.signed()) {
            flash.addFlashAttribute("secretOf", bot.name());
            flash.addFlashAttribute("secret", bot.secret());
        }
    }

    @PostMapping("/console/custom-bots/{chat_id}/{bot_id}/delete")
    String delete(
            @PathVariable("chat_id") String chatId, @PathVariable("bot_id") String botId, RedirectAttributes flash) {
        return ConsoleForms.act(flash, page(chatId), () -> {
            bots.delete(botId);
            return "Custom bot deleted: its hook URL no longer works.";
        });
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String page(String chatId) {
        return UriComponentsBuilder.fromPath("/console/custom-bots")
                .queryParam("chat_id", chatId)
                .encode()
                .toUriString();
    }
}
