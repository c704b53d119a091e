package dev.larkspur.directory.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Password hashes by user; the hashing itself is the service's. */
@Repository
public class PasswordRepository {
    private final JdbcClient jdbc;

    PasswordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> hash(long userPk) {
        return jdbc.sql("select hash from user_password where user_id = ?")
                .param(userPk)
                .query(String.class)
                .optional();
    }

    /**
     * Update, then insert when there was no row: portable between H2 and PostgreSQL. Two first
     * settings at once race to the insert; the loser's insert does nothing and it updates the
     * winner's row instead (last write wins), rather than failing on the key.
     */
    public void put(long userPk, String hash, long now) {
        if (update(userPk, hash, now) > 0) {
            return;
        }
        int inserted = jdbc.sql("insert into user_password (user_id, hash, updated_at) values (?, ?, ?)"
                        + " on conflict do nothing")
                .params(userPk, hash, now)
                .update();
        if (inserted == 0) {
            update(userPk, hash, now);
        }
    }

    private int update(long userPk, String hash, long now) {
        return jdbc.sql("update user_password set hash = ?, updated_at = ? where user_id = ?")
                .params(hash, now, userPk)
                .update();
    }
}
