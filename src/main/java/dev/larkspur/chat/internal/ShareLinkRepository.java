package dev.larkspur.chat.internal;

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
        jdbc.sql("insert into chat_share_link (link_token, chat_id, created_by_user_id, created_by_app_id, created_at,"
                        + " expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(linkToken, chatPk, userPk, appPk, createdAt, expiresAt)
                .update();
    }
}
