package dev.larkspur.message.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims of send {@code uuid}s: the first request for (app, uuid, target) inserts the row and wins. */
@Repository
public class MessageRequestRepository {
    private final JdbcClient jdbc;

    MessageRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteExpired(long appPk, String uuid, String target, long now) {
        jdbc.sql("delete from message_request where app_id = ? and uuid = ? and target = ? and expires_at <= ?")
                .params(appPk, uuid, target, now)
                .update();
    }

    public void claim(long appPk, String uuid, String target, long expiresAt) {
        jdbc.sql("insert into message_request (app_id, uuid, target, expires_at) values (?, ?, ?, ?)")
                .params(appPk, uuid, target, expiresAt)
                .update();
    }

    public void complete(long appPk, String uuid, String target, long messagePk) {
        jdbc.sql("update message_request set message_id = ? where app_id = ? and uuid = ? and target = ?")
                .params(messagePk, appPk, uuid, target)
                .update();
    }

    public Optional<Long> messageOf(long appPk, String uuid, String target, long now) {
        return jdbc.sql("select message_id from message_request where app_id = ? and uuid = ? and target = ?"
                        + " and expires_at > ? and message_id is not null")
                .params(appPk, uuid, target, now)
                .query(Long.class)
                .optional();
    }
}
