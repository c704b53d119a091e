package dev.larkspur.auth.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TokenRepository {
    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A stored token: its kind ({@code tenant} or {@code user}), owner app and user, expiry, and for
     * a user token from OAuth the scopes the person granted (space-separated; null: the app's).
     */
    public record StoredToken(String token, String kind, String appId, Long userPk, long expiresAt, String scope) {}

    public void insert(String token, String kind, long appPk, Long userPk, long issuedAt, long expiresAt) {
        insert(token, kind, appPk, userPk, issuedAt, expiresAt, null);
    }

    public void insert(
            String token, String kind, long appPk, Long userPk, long issuedAt, long expiresAt, String scope) {
        jdbc.sql(
                        """
                        insert into access_token (token, kind, app_id, user_id, issued_at, expires_at, scope)
                        values (:token, :kind, :app_id, :user_id, :issued_at, :expires_at, :scope)""")
                .param("token", token)
                .param("kind", kind)
                .param("app_id", appPk)
                .param("user_id", userPk)
                .param("issued_at", issuedAt)
                .param("expires_at", expiresAt)
                .param("scope", scope)
                .update();
    }

    public Optional<StoredToken> find(String token) {
        return jdbc.sql("select t.token, t.kind, a.app_id, t.user_id, t.expires_at, t.scope from access_token t"
                        + " join app a on a.id = t.app_id where t.token = ?")
                .param(token)
                .query((rs, row) -> new StoredToken(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Long) rs.getObject(4, Long.class),
                        rs.getLong(5),
                        rs.getString(6)))
                .optional();
    }

    /** The app's newest tenant token that is still valid after {@code validAfter}, if any. */
    public Optional<StoredToken> newestTenantToken(long appPk, long validAfter) {
        return jdbc.sql("select t.token, t.kind, a.app_id, t.user_id, t.expires_at from access_token t"
                        + " join app a on a.id = t.app_id"
                        + " where t.app_id = ? and t.kind = 'tenant' and t.expires_at > ?"
                        + " order by t.expires_at desc limit 1")
                .params(appPk, validAfter)
                .query((rs, row) ->
                        new StoredToken(rs.getString(1), rs.getString(2), rs.getString(3), null, rs.getLong(5), null))
                .optional();
    }
}
