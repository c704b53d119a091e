package dev.larkspur.message.cards;

import dev.larkspur.message.Message;
import dev.larkspur.message.MessageEvents;
import dev.larkspur.message.content.ContentCodec;
import dev.larkspur.message.content.EncodedContent;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.message.legacy.LegacyErrors;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The delayed card update {@code POST /open-apis/interactive/v1/card/update} (spec/message.md
 * §3.18, doc {@code /ukTMukTMukTM/uMDO1YjLzgTN24yM4UjN}): with the token of a card interaction, the
 * bot replaces the card for everyone (a shared card) or for the people it names (a non-shared one).
 * A failed update leaves the token's uses untouched.
 */
@Service
public class CardUpdates {
    private final CardTokens tokens;
    private final CardPersonalViews personal;
    private final MessageRepository messages;
    private final ContentCodec codec;
    private final MessageEvents events;
    private final JsonMapper json;
    private final Clock clock;

    CardUpdates(
            CardTokens tokens,
            CardPersonalViews personal,
            MessageRepository messages,
            ContentCodec codec,
            MessageEvents events,
            JsonMapper json,
            Clock clock) {
        this.tokens = tokens;
        this.personal = personal;
        this.messages = messages;
        this.codec = codec;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void update(Caller caller, String token, JsonNode card) {
        if (!caller.botEnabled()) {
            throw LegacyErrors.noBot();
        }
        var issued = tokens.check(caller, token);
        var message = messages.findByPk(issued.messagePk()).orElseThrow(CardErrors::recalled);
        if (message.deleted()) {
            throw CardErrors.recalled();
        }
        if (!message.sentByApp(caller.appPk())) {
            throw CardErrors.otherApp();
        }
        if (card == null || !card.isObject()) {
            throw CardErrors.cardParam("card is required and must be an object");
        }
        ObjectNode body = (ObjectNode) card.deepCopy();
        JsonNode openIds = body.remove("open_ids");
        boolean shared = shared(body, openIds);
        var encoded = encode(caller, message, body);
        long now = clock.millis();
        if (shared) {
            tokens.spend(issued);
            messages.updateContent(message.pk(), encoded.content(), encoded.rawContent(), encoded.mentions(), now);
            events.changed(message);
            return;
        }
        if (openIds == null || !openIds.isArray() || openIds.isEmpty()) {
            throw CardErrors.openIdsRequired();
        }
        var people = personal.people(caller, openIds);
        tokens.spend(issued);
        personal.store(message.pk(), people, encoded, now);
        // Everyone's browser hears of it; each renders the card it is shown, personal or shared.
        events.changed(message);
    }

    /**
     * JSON 2.0 cards are always shared; 1.0 cards when {@code config.update_multi} says so; a
     * template's setting lives in the template, so naming people is what makes its update personal.
     */
    private static boolean shared(JsonNode card, JsonNode openIds) {
        if (card.path("schema").asString("").equals("2.0")) {
            return true;
        }
        if (card.path("type").asString("").equals("template")) {
            return openIds == null;
        }
        return card.path("config").path("update_multi").asBoolean(false);
    }

    private EncodedContent encode(Caller caller, Message message, ObjectNode card) {
        try {
            return codec.encode(caller, "interactive", json.writeValueAsString(card), "p2p".equals(message.chatMode()));
        } catch (FeishuException e) {
            String detail = e.getMessage().contains("ext=")
                    ? e.getMessage().substring(e.getMessage().indexOf("ext=") + 4)
                    : e.getMessage();
            throw e.code() == 230025 ? CardErrors.cardParam("the card exceeds 30 KB") : CardErrors.cardFormat(detail);
        }
    }
}
