package dev.larkspur.junit;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** A fresh schema for one embedded server in the PostgreSQL the environment names; dropped on close. */
record PostgresSchema(String url, String user, String password, String name) {
    static PostgresSchema create() {
        String url = setting("LARKSPUR_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = setting("LARKSPUR_TEST_POSTGRES_USER", "postgres");
        String password = setting("LARKSPUR_TEST_POSTGRES_PASSWORD", "");
        var schema = new PostgresSchema(
                url,
                user,
                password,
                "larkspur_junit_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        try (var c = DriverManager.getConnection(url, user, password)) {
            c.isValid(2);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "@LarkspurTest(database = POSTGRESQL) needs PostgreSQL at " + url
                            + " (set LARKSPUR_TEST_POSTGRES_URL, _USER, _PASSWORD)",
                    e);
        }
        return schema;
    }

    /** Whether a PostgreSQL answers at the configured URL within two seconds. */
    static boolean reachable() {
        try (var c = DriverManager.getConnection(
                setting("LARKSPUR_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                setting("LARKSPUR_TEST_POSTGRES_USER", "postgres"),
                setting("LARKSPUR_TEST_POSTGRES_PASSWORD", ""))) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** CI's switch: a PostgreSQL pass that cannot reach one fails rather than skips. */
    static boolean required() {
        return "true".equalsIgnoreCase(setting("LARKSPUR_REQUIRE_POSTGRES", "false"));
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The server's settings for this schema; Flyway creates it. */
    Map<String, String> properties() {
        String separator = url.contains("?") ? "&" : "?";
        return Map.of(
                "larkspur.db.url", url + separator + "currentSchema=" + name,
                "larkspur.db.user", user,
                "larkspur.db.password", password,
                "spring.flyway.schemas", name);
    }

    void drop() {
        try (var c = DriverManager.getConnection(url, user, password);
                var s = c.createStatement()) {
            s.execute("drop schema if exists " + name + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test schema " + name, e);
        }
    }
}
