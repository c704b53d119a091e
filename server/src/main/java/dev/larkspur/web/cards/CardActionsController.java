package dev.larkspur.web.cards;

import dev.larkspur.admin.CardClicks;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's click on a card control. The page's script ({@code X-Larkspur-Card} header) gets the
 * answer fragment: the toast and the card to draw in place; a form posted without script goes back
 * to the chat. Someone not in the chat, or a message that is not a bot's card, gets 404.
 */
@Controller
class CardActionsController {
    static final String SCRIPT_HEADER = "X-Larkspur-Card";
    private final ClickableCards cards;
    private final CardClicks clicks;
    private final UserService users;

    CardActionsController(ClickableCards cards, CardClicks clicks, UserService users) {
        this.cards = cards;
        this.clicks = clicks;
        this.users = users;
    }

    @PostMapping("/chats/{chat_id}/messages/{message_id}/card_actions")
    String click(
            SignedIn me,
            @PathVariable("chat_id") String chatId,
            @PathVariable("message_id") String messageId,
            @RequestParam(name = "tag", required = false) String tag,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "value", required = false) String value,
            @RequestParam(name = "option", required = false) String option,
            @RequestParam(name = "timezone", required = false) String timezone,
            @RequestHeader(name = SCRIPT_HEADER, required = false) String script,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        var card = cards.find(me, chatId, messageId).orElse(null);
        var person = users.findByPks(List.of(me.userPk())).stream().findFirst().orElse(null);
        if (card == null || person == null) {
            response.setStatus(404);
            if (script == null) {
                return "web/not-found";
            }
            model.addAttribute("toast", CardToast.error("This card is not in a chat of yours."));
            return "web/fragments/card-answer :: answer";
        }
        try {
            var action = new CardActionForm(tag, name, value, option, timezone).action();
            var clicked = clicks.click(me.tenantKey(), person, messageId, action);
            if (script == null) {
                return "redirect:/chats/" + chatId;
            }
            var toast = clicked.toast() == null ? null : CardToast.of(clicked.toast(), locale);
            model.addAttribute("toast", toast == null || toast.text().isBlank() ? null : toast);
            model.addAttribute("card", clicked.cardUpdated() ? cards.view(me, card) : null);
        } catch (FeishuException e) {
            // The bot did not answer, answered badly, or the click was refused: Feishu's code and words.
            response.setStatus(e.httpStatus() >= 400 && e.httpStatus() < 500 ? e.httpStatus() : 400);
            model.addAttribute("toast", CardToast.error(e.getMessage() + " (" + e.code() + ")"));
        }
        return "web/fragments/card-answer :: answer";
    }
}
