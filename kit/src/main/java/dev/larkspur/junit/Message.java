package dev.larkspur.junit;

import tools.jackson.databind.JsonNode;

/**
 * A message as the Open API lists it: {@code content} is the raw JSON string, {@code senderType}
 * {@code app} for bots and {@code user} for people, {@code senderId} the bot's app_id or the
 * person's open_id.
 */
public record Message(
        String messageId,
        String chatId,
        String msgType,
        String content,
        String senderType,
        String senderId,
        String parentId) {

    /** The text of a {@code text} message, or "" for any other type. */
    public String text() {
        if (!"text".equals(msgType) || content == null) {
            return "";
        }
        return Json.MAPPER.readTree(content).path("text").asString("");
    }

    /** Sent by a bot (an app), not a person. */
    public boolean fromBot() {
        return "app".equals(senderType);
    }

    static Message of(JsonNode item) {
        return new Message(
                item.path("message_id").asString(),
                item.path("chat_id").asString(),
                item.path("msg_type").asString(),
                item.path("body").path("content").asString(null),
                item.path("sender").path("sender_type").asString(),
                item.path("sender").path("id").asString(null),
                item.path("parent_id").asString(null));
    }
}
