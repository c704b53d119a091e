package dev.larkspur.webhook;

import dev.larkspur.message.CustomBotPosts;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What a webhook request carries (spec/message.md §3.24): {@code msg_type}, its {@code content} as a
 * JSON object (not a string, unlike im/v1) or, for cards, {@code card}; and {@code timestamp} and
 * {@code sign} when the bot verifies signatures. At most 20 KB.
 */
record HookBody(String msgType, JsonNode content, JsonNode card, String timestamp, String sign) {
    static final int MAX_BYTES = 20 * 1024;

    /** Reads the raw body; anything but a JSON object within the size limit is a bad request. */
    static HookBody parse(byte[] raw, JsonMapper json) {
        if (raw == null || raw.length == 0 || raw.length > MAX_BYTES) {
            throw WebhookErrors.badRequest();
        }
        JsonNode node;
        try {
            node = json.readTree(raw);
        } catch (JacksonException e) {
            throw WebhookErrors.badRequest();
        }
        if (node == null || !node.isObject()) {
            throw WebhookErrors.badRequest();
        }
        return new HookBody(
                text(node.get("msg_type")),
                node.get("content"),
                node.get("card"),
                text(node.get("timestamp")),
                text(node.get("sign")));
    }

    /** The timestamp may come as a string (as documented) or as a number. */
    private static String text(JsonNode value) {
        return value == null || !(value.isString() || value.isNumber()) ? null : value.asString();
    }

    /** The message type, which must be one a custom bot can send. */
    String requireMsgType() {
        if (msgType == null || msgType.isEmpty()) {
            throw WebhookErrors.msgTypeMissing();
        }
        if (!CustomBotPosts.TYPES.contains(msgType)) {
            throw WebhookErrors.msgTypeInvalid();
        }
        return msgType;
    }

    /**
     * The content in the im/v1 send format of its type (spec/message.md §4.1): a post loses its
     * extra {@code post} wrapper, a shared chat's {@code share_chat_id} becomes {@code chat_id}, a
     * card is the {@code card} field.
     */
    JsonNode imContent() {
        return switch (requireMsgType()) {
            case "text" -> object(content)
                    .filter(c -> c.path("text").isString())
                    .orElseThrow(() -> WebhookErrors.badContent("content.text must be a string"));
            case "post" -> object(content)
                    .map(c -> c.get("post"))
                    .filter(JsonNode::isObject)
                    .orElseThrow(() -> WebhookErrors.badContent("content.post must be an object"));
            case "image" -> object(content)
                    .filter(c -> c.path("image_key").isString())
                    .orElseThrow(() -> WebhookErrors.badContent("content.image_key must be a string"));
            case "share_chat" -> object(content)
                    .filter(c -> c.path("share_chat_id").isString())
                    .map(c -> (JsonNode) JsonNodeFactory.instance
                            .objectNode()
                            .put("chat_id", c.get("share_chat_id").asString()))
                    .orElseThrow(() -> WebhookErrors.badContent("content.share_chat_id must be a string"));
            case "interactive" -> object(card).orElseThrow(() -> WebhookErrors.badContent("card must be an object"));
            default -> throw WebhookErrors.msgTypeInvalid();
        };
    }

    private static Optional<JsonNode> object(JsonNode node) {
        return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    }
}
