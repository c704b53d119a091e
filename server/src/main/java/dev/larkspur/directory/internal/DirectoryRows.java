package dev.larkspur.directory.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Small JDBC helpers shared by this module's repositories. */
final class DirectoryRows {
    private DirectoryRows() {}

    /** Runs an insert and returns the generated {@code id}, the same way on H2 and PostgreSQL. */
    static long insertReturningId(JdbcClient.StatementSpec insert) {
        var keys = new GeneratedKeyHolder();
        insert.update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
