package dev.larkspur.chat.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one top notice a chat may show. */
@Repository
public class TopNoticeRepository {
    private final JdbcClient jdbc;

    TopNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code messageId} only for action type "1"; the putter is a user or a bot. */
    public record TopNoticeRow(String actionType, String messageId, Long putByUserPk, Long putByAppPk, long putAt) {}

    /** Replaces the chat's top notice; the caller holds the chat row lock, so there is no race. */
    public void put(long chatPk, TopNoticeRow row) {
        remove(chatPk);
        jdbc.sql(
                        """
                        insert into chat_top_notice (chat_id, action_type, message_id, put_by_user_id, put_by_app_id,
                            put_at)
                        values (:chat_id, :action_type, :message_id, :put_by_user_id, :put_by_app_id, :put_at)""")
                .param("chat_id", chatPk)
                .param("action_type", row.actionType())
                .param("message_id", row.messageId())
                .param("put_by_user_id", row.putByUserPk())
                .param("put_by_app_id", row.putByAppPk())
                .param("put_at", row.putAt())
                .update();
    }

    public void remove(long chatPk) {
        jdbc.sql("delete from chat_top_notice where chat_id = ?").param(chatPk).update();
    }

    public Optional<TopNoticeRow> find(long chatPk) {
        return jdbc.sql("select action_type, message_id, put_by_user_id, put_by_app_id, put_at from chat_top_notice"
                        + " where chat_id = ?")
                .param(chatPk)
                .query((rs, n) -> new TopNoticeRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class),
                        rs.getLong(5)))
                .optional();
    }
}
