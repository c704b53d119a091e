package dev.larkspur.message.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ephemeral cards: one row per card, outside the chat's message history. */
@Repository
public class EphemeralRepository {
    private final JdbcClient jdbc;

    EphemeralRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A card as stored: where (with the chat's public id), from which app, for whom, whether deleted. */
    public record EphemeralCard(
            long pk,
            String messageId,
            long chatPk,
            String chatId,
            long appPk,
            long userPk,
            String rawContent,
            boolean deleted) {}

    public record NewCard(
            String messageId, long chatPk, long appPk, long userPk, String content, String rawContent, long now) {}

    public void insert(NewCard card) {
        jdbc.sql(
                        """
                        insert into ephemeral_card (message_id, chat_id, app_id, user_id, content, raw_content,
                            created_at)
                        values (:message_id, :chat_id, :app_id, :user_id, :content, :raw_content, :created_at)""")
                .param("message_id", card.messageId())
                .param("chat_id", card.chatPk())
                .param("app_id", card.appPk())
                .param("user_id", card.userPk())
                .param("content", card.content())
                .param("raw_content", card.rawContent())
                .param("created_at", card.now())
                .update();
    }

    /** Cards sent into a chat since {@code fromMs}, for the per-group rate. */
    public int countSince(long chatPk, long fromMs) {
        return jdbc.sql("select count(*) from ephemeral_card where chat_id = ? and created_at >= ?")
                .params(chatPk, fromMs)
                .query(Integer.class)
                .single();
    }

    public Optional<EphemeralCard> find(String messageId) {
        return jdbc.sql("select e.id, e.message_id, e.chat_id, c.chat_id, e.app_id, e.user_id, e.raw_content, e.deleted"
                        + " from ephemeral_card e join chat c on c.id = e.chat_id where e.message_id = ?")
                .param(messageId)
                .query((rs, n) -> new EphemeralCard(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getBoolean(8)))
                .optional();
    }

    /** Deletes the card; false when it was already deleted, also when two deletes race. */
    public boolean markDeleted(long pk, long now) {
        return jdbc.sql("update ephemeral_card set deleted = true, deleted_at = ? where id = ? and deleted = false")
                        .params(now, pk)
                        .update()
                > 0;
    }
}
