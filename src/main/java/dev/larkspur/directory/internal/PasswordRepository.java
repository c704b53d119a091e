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

    /** Update, then insert when there was no row: portable between H2 and PostgreSQL. */
    public void put(long userPk, String hash, long now) {
        int updated = jdbc.sql("update user_password set hash = ?, updated_at = ? where user_id = ?")
                .params(hash, now, userPk)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into user_password (user_id, hash, updated_at) values (?, ?, ?)")
                    .params(userPk, hash, now)
                    .update();
        }
    }
}
