package dev.larkspur.bench;

import dev.larkspur.platform.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The database one bench run uses: the embedded H2 file in a fresh data folder, or a fresh
 * PostgreSQL database. The server and the bench's straight-JDBC work open the same one, with the
 * same URL, so both write with the same durability.
 */
record Database(String name, String url, String user, String password, Map<String, String> serverEnv) {
    static final String POSTGRES_ROOT = "jdbc:postgresql://127.0.0.1:5432/postgres";

    static Database h2(Path dataDir) {
        return new Database("h2", EmbeddedDatabase.jdbcUrl(dataDir), "sa", "", Map.of());
    }

    /** Drops and creates {@code larkspur_bench}; PostgreSQL runs locally with trust auth here. */
    static Database postgres() {
        try (var c = DriverManager.getConnection(POSTGRES_ROOT, "postgres", "");
                var s = c.createStatement()) {
            s.execute("drop database if exists larkspur_bench with (force)");
            s.execute("create database larkspur_bench");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + POSTGRES_ROOT, e);
        }
        String url = "jdbc:postgresql://127.0.0.1:5432/larkspur_bench";
        return new Database(
                "postgresql",
                url,
                "postgres",
                "",
                Map.of("LARKSPUR_DB_URL", url, "LARKSPUR_DB_USER", "postgres", "LARKSPUR_DB_PASSWORD", ""));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** A table of the numbers 1..n in a column {@code x}, for set-based bulk inserts. */
    String numbers(long n) {
        return name.equals("h2") ? "system_range(1, " + n + ") as r(x)" : "generate_series(1, " + n + ") as r(x)";
    }
}
