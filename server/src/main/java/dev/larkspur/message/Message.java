package dev.larkspur.message;

import java.util.List;

/**
 * A stored message with the public ids of its chat and relatives. The sender is a user
 * ({@code senderUserPk}) or an app ({@code senderAppPk}); {@code content} is in receive format.
 */
public record Message(
        long pk,
        String messageId,
        long chatPk,
        String chatId,
        String chatMode,
        long tenantPk,
        String rootId,
        String parentId,
        String threadId,
        String upperMessageId,
        Long senderUserPk,
        Long senderAppPk,
        String msgType,
        String content,
        String rawContent,
        List<Mention> mentions,
        boolean deleted,
        boolean updated,
        int editCount,
        long createdAt,
        long updatedAt) {

    public boolean sentByApp(long appPk) {
        return senderAppPk != null && senderAppPk == appPk;
    }

    public boolean sentByUser(long userPk) {
        return senderUserPk != null && senderUserPk == userPk;
    }

    /** This message with other raw content: a card as one person sees it. */
    public Message withRawContent(String rawContent) {
        return new Message(
                pk,
                messageId,
                chatPk,
                chatId,
                chatMode,
                tenantPk,
                rootId,
                parentId,
                threadId,
                upperMessageId,
                senderUserPk,
                senderAppPk,
                msgType,
                content,
                rawContent,
                mentions,
                deleted,
                updated,
                editCount,
                createdAt,
                updatedAt);
    }
}
