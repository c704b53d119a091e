package dev.larkspur.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.TestDatabase;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * V24 puts fan-out's cursor just before the first event not fanned out yet, so that no event
 * waiting at the upgrade is skipped, and drops the per-row flag.
 */
class FanoutCursorMigrationIT {

    @Test
    void theCursorStartsBeforeTheFirstEventNotFannedOut() throws Exception {
        var db = TestDatabase.fresh(Files.createTempDirectory("larkspur-migration"));
        try {
            db.flyway("classpath:db/migration").target("23").load().migrate();
            try (var c = db.connect()) {
                exec(c, "insert into tenant (id, tenant_key, name, created_at) values (1, 't1', 'T', 0)");
                for (int id = 1; id <= 5; id++) {
                    exec(
                            c,
                            "insert into event_outbox (id, event_id, event_type, tenant_id, payload, created_at,"
                                    + " fanned_out) values (" + id + ", 'ev" + id + "', 'im.chat.updated_v1', 1,"
                                    + " '{}', 0, " + (id <= 2 || id == 4) + ")");
                }
            }

            db.flyway("classpath:db/migration").target("latest").load().migrate();

            try (var c = db.connect()) {
                assertThat(cursor(c)).isEqualTo("2 ''");
            }
        } finally {
            db.drop();
        }
    }

    @Test
    void withEveryEventFannedOutTheCursorStartsAfterTheLast() throws Exception {
        var db = TestDatabase.fresh(Files.createTempDirectory("larkspur-migration"));
        try {
            db.flyway("classpath:db/migration").target("23").load().migrate();
            try (var c = db.connect()) {
                exec(c, "insert into tenant (id, tenant_key, name, created_at) values (1, 't1', 'T', 0)");
                exec(
                        c,
                        "insert into event_outbox (id, event_id, event_type, tenant_id, payload, created_at,"
                                + " fanned_out) values (7, 'ev7', 'im.chat.updated_v1', 1, '{}', 0, true)");
            }

            db.flyway("classpath:db/migration").target("latest").load().migrate();

            try (var c = db.connect()) {
                assertThat(cursor(c)).isEqualTo("7 ''");
            }
        } finally {
            db.drop();
        }
    }

    private static String cursor(Connection c) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery("select high, gaps from fanout_cursor where id = 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1) + " '" + rs.getString(2) + "'";
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
