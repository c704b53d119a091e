package example;

import java.sql.DriverManager;
import java.sql.SQLException;

final class Postgres {
    private Postgres() {}

    static boolean available() {
        if ("true".equalsIgnoreCase(System.getenv("LARKSPUR_REQUIRE_POSTGRES"))) {
            return true;
        }
        String url = System.getProperty("LARKSPUR_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        try (var c = DriverManager.getConnection(url, "postgres", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
