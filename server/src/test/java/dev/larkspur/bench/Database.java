package dev.larkspur.bench;

import dev.larkspur.platform.EmbeddedDatabase;
import dev.larkspur.platform.LarkspurProperties.Durability;
import dev.larkspur.platform.LarkspurProperties.H2;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database one bench run uses: the embedded H2 file in a fresh data folder, or a fresh
 * PostgreSQL database. The server and the bench's straight-JDBC work open the same one, with the
 * same URL and, for H2, the same group commit, so both write with the same durability.
 */
record Database(String name, String url, DataSource source, Map<String, String> serverEnv) {
    static final String POSTGRES_ROOT = "jdbc:postgresql://127.0.0.1:5432/postgres";

    /**
     * The PostgreSQL database a run drops and creates: {@code larkspur_bench}, or {@code
     * LARKSPUR_BENCH_DATABASE}, so that two runs on one PostgreSQL do not drop each other's.
     */
    static final String POSTGRES_DATABASE = System.getenv().getOrDefault("LARKSPUR_BENCH_DATABASE", "larkspur_bench");

    /**
     * H2 through the same group commit as the server, so that both commit with the same durability:
     * {@code LARKSPUR_H2_DURABILITY} and {@code LARKSPUR_H2_GROUP_COMMIT} from the environment, which
     * the server inherits.
     */
    static Database h2(Path dataDir) {
        var settings = new H2(
                Durability.valueOf(System.getenv()
                        .getOrDefault("LARKSPUR_H2_DURABILITY", "fsync")
                        .toUpperCase(Locale.ROOT)),
                Boolean.parseBoolean(System.getenv().getOrDefault("LARKSPUR_H2_GROUP_COMMIT", "true")));
        var h2 = new JdbcDataSource();
        h2.setURL(EmbeddedDatabase.jdbcUrl(dataDir, settings));
        h2.setUser("sa");
        return new Database("h2", h2.getURL(), EmbeddedDatabase.durable(h2, settings), Map.of());
    }

    /** Drops and creates {@link #POSTGRES_DATABASE}; PostgreSQL runs locally with trust auth here. */
    static Database postgres() {
        try (var c = DriverManager.getConnection(POSTGRES_ROOT, "postgres", "");
                var s = c.createStatement()) {
            s.execute("drop database if exists " + POSTGRES_DATABASE + " with (force)");
            s.execute("create database " + POSTGRES_DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + POSTGRES_ROOT, e);
        }
        String url = "jdbc:postgresql://127.0.0.1:5432/" + POSTGRES_DATABASE;
        var pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser("postgres");
        return new Database(
                "postgresql",
                url,
                pg,
                // The bench's bots listen on 127.0.0.1, which PostgreSQL mode refuses by default.
                Map.of(
                        "LARKSPUR_DB_URL",
                        url,
                        "LARKSPUR_DB_USER",
                        "postgres",
                        "LARKSPUR_DB_PASSWORD",
                        "",
                        "LARKSPUR_REQUEST_URL_ALLOW_LOOPBACK",
                        "true"));
    }

    Connection connect() throws SQLException {
        return source.getConnection();
    }

    /** A table of the numbers 1..n in a column {@code x}, for set-based bulk inserts. */
    String numbers(long n) {
        return name.equals("h2") ? "system_range(1, " + n + ") as r(x)" : "generate_series(1, " + n + ") as r(x)";
    }
}
