package dev.larkspur.chat.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims of chat-creation {@code uuid}s: the first request for a key inserts the row and wins. */
@Repository
public class CreateRequestRepository {
    private final JdbcClient jdbc;

    CreateRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteExpired(long appPk, String uuid, String ownerKey, long now) {
        jdbc.sql("delete from chat_create_request where app_id = ? and uuid = ? and owner_key = ? and expires_at <= ?")
                .params(appPk, uuid, ownerKey, now)
                .update();
    }

    /** Inserts the claim; a concurrent or earlier claim makes this throw DuplicateKeyException. */
    public void claim(long appPk, String uuid, String ownerKey, long expiresAt) {
        jdbc.sql("insert into chat_create_request (app_id, uuid, owner_key, expires_at) values (?, ?, ?, ?)")
                .params(appPk, uuid, ownerKey, expiresAt)
                .update();
    }

    public void complete(long appPk, String uuid, String ownerKey, long chatPk) {
        jdbc.sql("update chat_create_request set chat_id = ? where app_id = ? and uuid = ? and owner_key = ?")
                .params(chatPk, appPk, uuid, ownerKey)
                .update();
    }

    /** The chat created for a live claim; empty while the claim is in flight. */
    public Optional<Long> chatOf(long appPk, String uuid, String ownerKey, long now) {
        return jdbc.sql("select chat_id from chat_create_request where app_id = ? and uuid = ? and owner_key = ?"
                        + " and expires_at > ? and chat_id is not null")
                .params(appPk, uuid, ownerKey, now)
                .query(Long.class)
                .optional();
    }
}
