package dev.larkspur.platform.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims of idempotent requests, keyed by (app, scope, uuid, target): the first request for a key
 * inserts the row and wins.
 */
@Repository
public class IdempotencyRepository {
    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of one claim; {@code target} fits the column (160 characters). */
    public record Key(long appPk, String scope, String uuid, String target) {}

    public void deleteExpired(Key key, long now) {
        keyed(
                        key,
                        """
                        delete from idempotency_claim
                        where app_id = :app and scope = :scope and uuid = :uuid and target = :target
                          and expires_at <= :now""")
                .param("now", now)
                .update();
    }

    /** Inserts the claim; a concurrent or earlier live claim makes this throw DuplicateKeyException. */
    public void claim(Key key, long expiresAt) {
        keyed(
                        key,
                        """
                        insert into idempotency_claim (app_id, scope, uuid, target, expires_at)
                        values (:app, :scope, :uuid, :target, :expiresAt)""")
                .param("expiresAt", expiresAt)
                .update();
    }

    public void complete(Key key, long resultPk) {
        keyed(
                        key,
                        """
                        update idempotency_claim set result_id = :result
                        where app_id = :app and scope = :scope and uuid = :uuid and target = :target""")
                .param("result", resultPk)
                .update();
    }

    /** What a live claim made; empty when there is none, or while it is in flight. */
    public Optional<Long> resultOf(Key key, long now) {
        return keyed(
                        key,
                        """
                        select result_id from idempotency_claim
                        where app_id = :app and scope = :scope and uuid = :uuid and target = :target
                          and expires_at > :now and result_id is not null""")
                .param("now", now)
                .query(Long.class)
                .optional();
    }

    private JdbcClient.StatementSpec keyed(Key key, String sql) {
        return jdbc.sql(sql)
                .param("app", key.appPk())
                .param("scope", key.scope())
                .param("uuid", key.uuid())
                .param("target", key.target());
    }
}
