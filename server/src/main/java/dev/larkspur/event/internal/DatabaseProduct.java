package dev.larkspur.event.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Which database the event tables live in, where the two need different statements. */
final class DatabaseProduct {
    private DatabaseProduct() {}

    static boolean isPostgres(DataSource dataSource) {
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
