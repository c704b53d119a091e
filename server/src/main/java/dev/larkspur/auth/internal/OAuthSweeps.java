package dev.larkspur.auth.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deletes authorization codes and refresh tokens long past their expiry, a bounded batch at a
 * time, so that the tables hold what can still be redeemed (or answered "expired") and no more.
 */
@Repository
public class OAuthSweeps {
    private final JdbcClient jdbc;

    OAuthSweeps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} codes that expired before {@code before}; answers how many went. */
    public int codes(long before, int limit) {
        return jdbc.sql(
                        """
                        delete from oauth_code where code_hash in (
                            select code_hash from oauth_code where expires_at < :before limit :limit)
                        """)
                .param("before", before)
                .param("limit", limit)
                .update();
    }

    /** At most {@code limit} refresh tokens that expired before {@code before}. */
    public int refreshTokens(long before, int limit) {
        return jdbc.sql(
                        """
                        delete from oauth_refresh_token where token_hash in (
                            select token_hash from oauth_refresh_token where expires_at < :before limit :limit)
                        """)
                .param("before", before)
                .param("limit", limit)
                .update();
    }
}
