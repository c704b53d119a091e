package dev.larkspur.chat.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Share links handed out for chats. */
@Repository
public class ShareLinkRepository {
    private final JdbcClient jdbc;

    ShareLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code expiresAt} in milliseconds, or null for a permanent link; the creator is a user or a bot. */
    public void insert(String linkToken, long chatPk, Long userPk, Long appPk, long createdAt, Long expiresAt) {
        jdbc.sql(
                        """
                        insert into chat_share_link (link_token, chat_id, created_by_user_id, created_by_app_id,
                            created_at, expires_at)
                        values (:link_token, :chat_id, :created_by_user_id, :created_by_app_id,
                            :created_at, :expires_at)""")
                .param("link_token", linkToken)
                .param("chat_id", chatPk)
                .param("created_by_user_id", userPk)
                .param("created_by_app_id", appPk)
                .param("created_at", createdAt)
                .param("expires_at", expiresAt)
                .update();
    }

    /** A link as stored: its chat and when it expires (milliseconds; null for never). */
    public record LinkRow(long chatPk, Long expiresAt) {}

    public Optional<LinkRow> find(String linkToken) {
        return jdbc.sql("select chat_id, expires_at from chat_share_link where link_token = ?")
                .param(linkToken)
                .query((rs, n) -> new LinkRow(rs.getLong(1), (Long) rs.getObject(2, Long.class)))
                .optional();
    }
}
