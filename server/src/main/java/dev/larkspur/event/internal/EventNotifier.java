package dev.larkspur.event.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells other instances there is new work. The NOTIFY runs inside the caller's transaction, and
 * PostgreSQL delivers it only if and when that transaction commits.
 */
@Component
public class EventNotifier {
    private final JdbcClient jdbc;
    private final boolean postgres;

    EventNotifier(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    public void notifyOthers() {
        if (postgres) {
            jdbc.sql("select pg_notify('" + PgNotifications.CHANNEL + "', '')")
                    .query()
                    .singleValue();
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }
}
