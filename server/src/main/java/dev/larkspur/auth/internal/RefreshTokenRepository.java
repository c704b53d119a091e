package dev.larkspur.auth.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RefreshTokenRepository {
    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A refresh token as issued; {@code usedAt} is null until it is spent. */
    public record StoredRefreshToken(long appPk, long userPk, String scope, long expiresAt, Long usedAt) {}

    public void insert(String token, StoredRefreshToken row, long issuedAt) {
        jdbc.sql(
                        """
                        insert into oauth_refresh_token (token_hash, app_id, user_id, scope, issued_at, expires_at)
                        values (:token_hash, :app_id, :user_id, :scope, :issued_at, :expires_at)""")
                .param("token_hash", TokenHashes.sha256(token))
                .param("app_id", row.appPk())
                .param("user_id", row.userPk())
                .param("scope", row.scope())
                .param("issued_at", issuedAt)
                .param("expires_at", row.expiresAt())
                .update();
    }

    public Optional<StoredRefreshToken> find(String token) {
        return jdbc.sql("select app_id, user_id, scope, expires_at, used_at from oauth_refresh_token"
                        + " where token_hash = ?")
                .param(TokenHashes.sha256(token))
                .query((rs, row) -> new StoredRefreshToken(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getObject(5, Long.class)))
                .optional();
    }

    /** Spends the token; false when another refresh got there first. */
    public boolean markUsed(String token, long now) {
        return jdbc.sql("update oauth_refresh_token set used_at = ? where token_hash = ? and used_at is null")
                        .params(now, TokenHashes.sha256(token))
                        .update()
                == 1;
    }
}
