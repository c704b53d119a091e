package dev.larkspur.message.legacy;

import dev.larkspur.message.MessageSending;
import dev.larkspur.message.content.ContentCodec;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The v4 message body ({@code message/v4/send}, {@code message/v4/batch_send}) differs from im/v1:
 * {@code content} is an object rather than a string, rich text has an extra {@code post} wrapper, a
 * shared chat is {@code share_chat_id}, and a card travels in {@code card} (spec/message.md §3.15).
 * This turns it into an im/v1 draft, validated up front so that a bad body fails before anything
 * is posted.
 */
@Component
public class LegacyContent {
    static final Set<String> TYPES = Set.of("text", "image", "post", "share_chat", "interactive");

    private final ContentCodec codec;
    private final JsonMapper json;

    LegacyContent(ContentCodec codec, JsonMapper json) {
        this.codec = codec;
        this.json = json;
    }

    /** {@code shared}: the v4 send's top-level {@code update_multi}, written into the card's config. */
    public MessageSending.Draft draft(Caller caller, String msgType, JsonNode content, JsonNode card, boolean shared) {
        String converted = toV1(msgType, content, card, shared);
        try {
            // Where it goes only matters for system messages, which the v4 APIs do not send.
            codec.encode(caller, msgType, converted, true);
        } catch (FeishuException e) {
            throw LegacyErrors.translate(e);
        }
        return new MessageSending.Draft(msgType, converted, null);
    }

    private String toV1(String msgType, JsonNode content, JsonNode card, boolean shared) {
        if (msgType == null || !TYPES.contains(msgType)) {
            throw LegacyErrors.invalidParameter("invalid msg_type");
        }
        if (msgType.equals("interactive")) {
            if (card == null || !card.isObject()) {
                throw LegacyErrors.invalidParameter("card is required for msg_type interactive");
            }
            ObjectNode copy = (ObjectNode) card.deepCopy();
            if (shared && !copy.path("type").asString("").equals("template")) {
                JsonNode config = copy.get("config");
                (config instanceof ObjectNode o ? o : copy.putObject("config")).put("update_multi", true);
            }
            return json.writeValueAsString(copy);
        }
        if (content == null || !content.isObject()) {
            throw LegacyErrors.invalidParameter("content is required for msg_type " + msgType);
        }
        return switch (msgType) {
            case "post" -> json.writeValueAsString(post(content));
            case "share_chat" -> {
                var chatId = content.get("share_chat_id");
                if (chatId == null || !chatId.isString()) {
                    throw LegacyErrors.invalidParameter("content format of the share_chat type is incorrect");
                }
                yield json.writeValueAsString(json.createObjectNode().put("chat_id", chatId.asString()));
            }
            default -> json.writeValueAsString(content);
        };
    }

    /** The locale map inside the wrapper; the v4 APIs predate the {@code md} tag and refuse it. */
    private static JsonNode post(JsonNode content) {
        var locales = content.get("post");
        if (locales == null || !locales.isObject()) {
            throw LegacyErrors.invalidParameter("content format of the post type is incorrect");
        }
        for (JsonNode locale : locales.values()) {
            for (JsonNode paragraph : locale.path("content").values()) {
                for (JsonNode element : paragraph.values()) {
                    if (element.path("tag").asString("").equals("md")) {
                        throw LegacyErrors.contentFail("the md tag is not supported here");
                    }
                }
            }
        }
        return locales;
    }
}
