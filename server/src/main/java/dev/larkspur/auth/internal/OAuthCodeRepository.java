package dev.larkspur.auth.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OAuthCodeRepository {
    private final JdbcClient jdbc;

    OAuthCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An authorization code as issued; {@code usedAt} is null until it is redeemed. */
    public record StoredCode(
            long appPk,
            long userPk,
            String redirectUri,
            String scope,
            String state,
            String codeChallenge,
            String codeChallengeMethod,
            long expiresAt,
            Long usedAt) {}

    public void insert(String code, StoredCode row, long issuedAt) {
        jdbc.sql(
                        """
                        insert into oauth_code (code_hash, app_id, user_id, redirect_uri, scope, state, code_challenge,
                            code_challenge_method, issued_at, expires_at)
                        values (:code_hash, :app_id, :user_id, :redirect_uri, :scope, :state, :code_challenge,
                            :code_challenge_method, :issued_at, :expires_at)""")
                .param("code_hash", TokenHashes.sha256(code))
                .param("app_id", row.appPk())
                .param("user_id", row.userPk())
                .param("redirect_uri", row.redirectUri())
                .param("scope", row.scope())
                .param("state", row.state())
                .param("code_challenge", row.codeChallenge())
                .param("code_challenge_method", row.codeChallengeMethod())
                .param("issued_at", issuedAt)
                .param("expires_at", row.expiresAt())
                .update();
    }

    public Optional<StoredCode> find(String code) {
        return jdbc.sql("select app_id, user_id, redirect_uri, scope, state, code_challenge, code_challenge_method,"
                        + " expires_at, used_at from oauth_code where code_hash = ?")
                .param(TokenHashes.sha256(code))
                .query((rs, row) -> new StoredCode(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getLong(8),
                        rs.getObject(9, Long.class)))
                .optional();
    }

    /** Marks the code used; false when another redemption got there first. */
    public boolean markUsed(String code, long now) {
        return jdbc.sql("update oauth_code set used_at = ? where code_hash = ? and used_at is null")
                        .params(now, TokenHashes.sha256(code))
                        .update()
                == 1;
    }
}
