package dev.larkspur.admin;

import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserService;
import dev.larkspur.event.CardCallbacks;
import dev.larkspur.message.CardInteractions;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.platform.TokenType;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person clicks a button on a bot's card, as in the Feishu client: the bot's callback answers
 * within 3 s (spec/protocols.md §3.9), its card replaces the card and its toast goes back to the
 * person. Cards live in the message module and callbacks in the event module, which cannot depend
 * on it (messages append events), so the two meet here.
 */
@Service
public class CardClicks {
    /** Feishu's code when the card a callback answers with is not a valid card. */
    static final int BAD_CARD = 200673;

    private final UserService users;
    private final AppService apps;
    private final CardInteractions cards;
    private final CardCallbacks callbacks;

    CardClicks(UserService users, AppService apps, CardInteractions cards, CardCallbacks callbacks) {
        this.users = users;
        this.apps = apps;
        this.cards = cards;
        this.callbacks = callbacks;
    }

    /** What the person sees: the bot's toast (or null) and whether the card changed. */
    public record Clicked(JsonNode toast, boolean cardUpdated) {}

    public Clicked click(String tenantKey, String userId, String messageId, JsonNode action) {
        var user = users.findByUserId(tenantKey, userId).orElseThrow(() -> DirectoryErrors.notFound("user " + userId));
        return click(tenantKey, user, messageId, action);
    }

    /** The same click by a person already known, as the browser client makes it. */
    public Clicked click(String tenantKey, User user, String messageId, JsonNode action) {
        if (messageId == null || messageId.isBlank()) {
            throw DirectoryErrors.invalid("message_id is required");
        }
        if (action == null || !action.isObject()) {
            throw DirectoryErrors.invalid("action must be an object");
        }
        var value = action.get("value");
        if (value != null && !value.isObject()) {
            // The Java and Go SDKs model action.value as a map and fail on anything else.
            throw DirectoryErrors.invalid("action.value must be an object");
        }
        // The person in the Feishu client, through no app: membership is checked by user.
        var person = new Caller(TokenType.USER, 0, null, user.tenantPk(), tenantKey, false, Set.of(), user.pk());
        var click = cards.click(person, messageId);
        var bot = apps.findByPk(click.botAppPk()).orElseThrow(() -> DirectoryErrors.notFound("the card's app"));
        var answer = callbacks.deliver(new CardCallbacks.Click(
                bot, user.pk(), click.messageId(), click.chatId(), (ObjectNode) action, click.token()));
        if (answer.card() != null) {
            try {
                cards.answer(asBot(bot), user, messageId, answer.card());
            } catch (FeishuException e) {
                throw new FeishuException(
                        BAD_CARD, "the callback answered with an invalid card: " + e.getMessage(), 400);
            }
        }
        return new Clicked(answer.toast(), answer.card() != null);
    }

    private static Caller asBot(App bot) {
        return new Caller(
                TokenType.TENANT,
                bot.pk(),
                bot.appId(),
                bot.tenantPk(),
                bot.tenantKey(),
                bot.botEnabled(),
                bot.scopes(),
                null);
    }
}
