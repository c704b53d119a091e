package dev.larkspur.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The Message object of spec/message.md §2 as one caller sees it: people by that app's open_ids,
 * times as millisecond strings, {@code body.content} a JSON string in receive format.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageView(
        String messageId,
        String rootId,
        String parentId,
        String threadId,
        String msgType,
        String createTime,
        String updateTime,
        boolean deleted,
        boolean updated,
        String chatId,
        Sender sender,
        Body body,
        List<MentionView> mentions,
        String upperMessageId) {

    public record Sender(String id, String idType, String senderType, String tenantKey) {}

    public record Body(String content) {}

    public record MentionView(String key, String id, String idType, String name, String tenantKey) {}
}
