package dev.larkspur.message;

import dev.larkspur.directory.User;
import dev.larkspur.message.cards.CardPersonalViews;
import dev.larkspur.message.cards.CardTokens;
import dev.larkspur.message.content.ContentCodec;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The message side of a person clicking a bot's card (spec/protocols.md §3.9): which card and bot the
 * click is for, with a delayed-update token for the callback; then the card the bot answers with,
 * which replaces the card for everyone when it is shared and for the clicker alone when it is not,
 * the rule of {@link CardUpdates}. Unlike {@link MessageChanges#updateCard} there is no 14-day
 * window: Feishu applies the answer as part of the click.
 */
@Service
public class CardInteractions {
    private final MessageQueries queries;
    private final MessageRepository messages;
    private final CardTokens tokens;
    private final CardPersonalViews personal;
    private final ContentCodec codec;
    private final MessageEvents events;
    private final JsonMapper json;
    private final Clock clock;

    CardInteractions(
            MessageQueries queries,
            MessageRepository messages,
            CardTokens tokens,
            CardPersonalViews personal,
            ContentCodec codec,
            MessageEvents events,
            JsonMapper json,
            Clock clock) {
        this.queries = queries;
        this.messages = messages;
        this.tokens = tokens;
        this.personal = personal;
        this.codec = codec;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** A click to deliver: the card message, the bot that sent it, and the callback's token. */
    public record Click(String messageId, String chatId, long botAppPk, String token) {}

    /** A person (a user caller) clicks a card in a chat they are in. */
    @Transactional
    public Click click(Caller person, String messageId) {
        var message = queries.get(person, messageId);
        if (message.deleted()) {
            throw MessageErrors.recalled();
        }
        if (!message.msgType().equals("interactive") || message.senderAppPk() == null) {
            throw MessageErrors.invalid("the message is not a bot's card");
        }
        String token = tokens.issue(message.pk(), message.senderAppPk());
        return new Click(message.messageId(), message.chatId(), message.senderAppPk(), token);
    }

    /** The bot's answer card, as {@code interactive} content, checked like any card it sends. */
    @Transactional
    public void answer(Caller bot, User clicker, String messageId, String content) {
        var message = queries.get(bot, messageId);
        if (message.deleted()) {
            throw MessageErrors.recalled();
        }
        if (!message.msgType().equals("interactive") || !message.sentByApp(bot.appPk())) {
            throw MessageErrors.invalid("the message is not a card of this bot");
        }
        var encoded = codec.encode(bot, "interactive", content, "p2p".equals(message.chatMode()));
        long now = clock.millis();
        if (shared(json.readTree(content))) {
            messages.updateContent(message.pk(), encoded.content(), encoded.rawContent(), encoded.mentions(), now);
        } else {
            personal.store(message.pk(), List.of(clicker), encoded, now);
        }
        events.changed(message);
    }

    /** As {@link CardUpdates} decides without {@code open_ids}: 2.0, templates, or update_multi. */
    private static boolean shared(JsonNode card) {
        return card.path("schema").asString("").equals("2.0")
                || card.path("type").asString("").equals("template")
                || card.path("config").path("update_multi").asBoolean(false);
    }

    /**
     * The message as one person sees it: a card answered or updated for them alone shows their
     * copy (raw content, the card as sent), anything else as stored.
     */
    @Transactional(readOnly = true)
    public Message seenBy(long userPk, Message message) {
        if (message.deleted() || !message.msgType().equals("interactive")) {
            return message;
        }
        return personal.current(message, userPk).map(message::withRawContent).orElse(message);
    }
}
