package dev.larkspur.event;

import dev.larkspur.directory.App;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.platform.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Card actions ({@code card.action.trigger}, spec/protocols.md §3.9): a click goes to the card's bot
 * at once, by its mode (HTTP POST to its request URL, or a data frame on one of its long
 * connections), and the answer comes back to the clicker within 3 s. Unlike events there is no
 * outbox, no delivery row and no retry: Feishu shows the clicker an error code instead.
 */
@Service
public class CardCallbacks {
    private static final Logger log = LoggerFactory.getLogger(CardCallbacks.class);

    private final EventRenderer renderer;
    private final EventSettingsService settings;
    private final CallbackTransport transport;
    private final LongConnectionPush push;
    private final JsonMapper json;
    private final Clock clock;

    CardCallbacks(
            EventRenderer renderer,
            EventSettingsService settings,
            CallbackTransport transport,
            LongConnectionPush push,
            JsonMapper json,
            Clock clock) {
        this.renderer = renderer;
        this.settings = settings;
        this.transport = transport;
        this.push = push;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A person's click on a bot's card in a message; {@code action} as the SDKs model it, {@code
     * token} the card's delayed-update token for this interaction.
     */
    public record Click(App bot, long operatorPk, String messageId, String chatId, ObjectNode action, String token) {}

    /**
     * The bot's answer: a toast for the clicker, and the card to show instead, as message content
     * ({@code interactive}), or null to keep it.
     */
    public record Answer(JsonNode toast, String card) {}

    public Answer deliver(Click click) {
        var config = settings.settingsOf(click.bot().pk());
        byte[] envelope = json.writeValueAsBytes(render(click, config.verificationToken()));
        JsonNode answer = EventSettings.WEBSOCKET.equals(config.deliveryMode())
                ? overLongConnection(click.bot(), envelope)
                : overHttp(click.bot(), config, new String(envelope, StandardCharsets.UTF_8));
        return read(answer);
    }

    private ObjectNode render(Click click, String token) {
        // Only the operator goes through the renderer, so that nothing in the action is taken for
        // an id reference.
        String operator = json.writeValueAsString(Map.of("operator", EventRefs.user(click.operatorPk())));
        var stored = new StoredEvent(
                0,
                Ids.hex(32),
                EventType.CARD_ACTION_TRIGGER.wireName(),
                click.bot().tenantPk(),
                null,
                click.bot().pk(),
                operator,
                clock.millis());
        var envelope = renderer.render(stored, click.bot(), token);
        var event = (ObjectNode) envelope.get("event");
        ((ObjectNode) event.get("operator")).put("tenant_key", click.bot().tenantKey());
        event.put("token", click.token());
        event.set("action", click.action());
        event.put("host", "im_message");
        event.putObject("context").put("open_message_id", click.messageId()).put("open_chat_id", click.chatId());
        return envelope;
    }

    private JsonNode overHttp(App bot, EventSettings config, String plain) {
        if (config.requestUrl() == null) {
            throw error(200340, "the app has no callback request URL");
        }
        var request = CallbackRequest.of(config, plain, json, clock.millis());
        var response = transport.post(
                config.requestUrl(), request.headers(), request.body(), CallbackTransport.DELIVERY_TIMEOUT);
        if (response.error() != null) {
            // A connect timeout is a failure to reach the URL (200342), not a slow answer (200341).
            if (response.timedOut()) {
                throw error(200341, "the callback did not answer within 3 s");
            }
            // Why (a refused connection, the request URL policy) is for the operator, not the clicker.
            log.warn(
                    "card callback of app {} to {} failed: {}",
                    bot.appId(),
                    config.requestUrl(),
                    oneLine(response.error()));
            throw error(200342, "the callback request URL could not be reached");
        }
        if (response.status() != 200) {
            throw error(200671, "the callback answered HTTP " + response.status());
        }
        try {
            return response.body() == null || response.body().isBlank()
                    ? json.createObjectNode()
                    : json.readTree(response.body());
        } catch (JacksonException e) {
            throw error(200672, "the callback's answer is not JSON");
        }
    }

    private JsonNode overLongConnection(App bot, byte[] envelope) {
        var outcome = push.push(bot.pk(), Ids.hex(32), envelope);
        if (outcome.offline()) {
            throw error(200340, LongConnectionPush.APP_NOT_ONLINE);
        }
        if (outcome.code() == null) {
            log.warn(
                    "card callback of app {} over its long connection failed: {}",
                    bot.appId(),
                    oneLine(outcome.error()));
            throw error(200341, "the callback was not acknowledged");
        }
        if (!outcome.ok()) {
            throw error(200671, "the callback was acknowledged with code " + outcome.code());
        }
        return outcome.data() == null ? json.createObjectNode() : outcome.data();
    }

    private Answer read(JsonNode answer) {
        if (!answer.isObject()) {
            throw error(200672, "the callback's answer is not a JSON object");
        }
        var toast = answer.get("toast");
        if (toast != null && toast.isNull()) {
            toast = null;
        }
        if (toast != null && !toast.isObject()) {
            throw error(200672, "toast must be an object");
        }
        var card = answer.get("card");
        if (toast == null && card == null && isWholeCard(answer)) {
            // The old callback's answer, which bots written for it still give: the body is the new
            // card itself (spec/protocols.md §3.9, "200 with new card JSON"), and it replaces the card.
            return new Answer(null, json.writeValueAsString(answer));
        }
        if (card == null || card.isNull()) {
            return new Answer(toast, null);
        }
        var data = card.path("data");
        if (!data.isObject()) {
            throw error(200672, "card.data must be an object");
        }
        return switch (card.path("type").asString("")) {
            case "raw" -> new Answer(toast, json.writeValueAsString(data));
            case "template" -> new Answer(toast, json.writeValueAsString(Map.of("type", "template", "data", data)));
            default -> throw error(200672, "card.type must be raw or template");
        };
    }

    /** A card's JSON, 1.0 or 2.0, rather than the {toast, card} answer: it has a card's own parts. */
    private static boolean isWholeCard(JsonNode answer) {
        return answer.has("elements")
                || answer.has("i18n_elements")
                || (answer.path("schema").asString("").equals("2.0") && answer.has("body"));
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ");
    }

    private static FeishuException error(int code, String msg) {
        return new FeishuException(code, msg, 400);
    }
}
