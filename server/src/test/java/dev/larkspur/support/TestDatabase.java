package dev.larkspur.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.larkspur.platform.EmbeddedDatabase;
import dev.larkspur.platform.Ids;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Where an integration test's server keeps its data: a fresh H2 file database in a temporary
 * directory, or, when the build runs the PostgreSQL pass ({@code -Dlarkspur.it.db=postgres}), a
 * fresh schema in the local PostgreSQL. The PostgreSQL pass skips when no server answers, unless
 * {@code LARKSPUR_REQUIRE_POSTGRES=true} (as in CI), where it fails instead.
 */
public record TestDatabase(String kind, Path dataDir, String schema) {
    public static TestDatabase fresh(Path dataDir) {
        String kind = System.getProperty("larkspur.it.db", "h2");
        if (!kind.equals("postgres")) {
            return new TestDatabase("h2", dataDir, null);
        }
        requirePostgres();
        return new TestDatabase("postgres", dataDir, "it_" + Ids.hex(12));
    }

    public Map<String, Object> properties() {
        var props = new HashMap<String, Object>();
        props.put("larkspur.data-dir", dataDir.toString());
        if (schema != null) {
            props.put("larkspur.db.url", jdbcUrl());
            props.put("larkspur.db.user", "postgres");
            props.put("larkspur.db.password", "");
            props.put("spring.flyway.schemas", schema);
        }
        return props;
    }

    /**
     * A Flyway over this database (its schema on PostgreSQL) with the migrations at {@code
     * location}, for the tests that build an older schema and then upgrade it.
     */
    public FluentConfiguration flyway(String location) {
        var config = Flyway.configure().dataSource(jdbcUrl(), user(), "").locations(location);
        if (schema != null) {
            config.schemas(schema);
        }
        return config;
    }

    /** A plain JDBC connection to this database, as the server would open it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), "");
    }

    private String jdbcUrl() {
        return schema != null ? postgresUrl() + "?currentSchema=" + schema : EmbeddedDatabase.jdbcUrl(dataDir);
    }

    private String user() {
        return schema != null ? "postgres" : "sa";
    }

    /** Drops the PostgreSQL schema, so that test runs leave nothing behind. */
    public void drop() {
        if (schema == null) {
            return;
        }
        try (var c = DriverManager.getConnection(postgresUrl(), "postgres", "");
                var s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }

    private static String postgresUrl() {
        return System.getProperty("larkspur.it.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    private static void requirePostgres() {
        boolean required = "true".equalsIgnoreCase(System.getenv("LARKSPUR_REQUIRE_POSTGRES"));
        try (var c = DriverManager.getConnection(postgresUrl(), "postgres", "")) {
            c.isValid(2);
        } catch (SQLException e) {
            if (required) {
                throw new IllegalStateException("PostgreSQL is required but not reachable at " + postgresUrl(), e);
            }
            assumeTrue(false, "PostgreSQL not reachable at " + postgresUrl() + "; skipping the PostgreSQL pass");
        }
    }
}
