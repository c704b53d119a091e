package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.TestDatabase;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * V23 moves the claims of chat creation and of sends from their two tables into one, keeping each
 * claim's key, result and expiry, and drops the old tables. Runs on H2 and on PostgreSQL like every
 * integration test.
 */
class IdempotencyMigrationIT {

    @Test
    void upgradesAV22DatabaseWithClaimsOfBothKinds() throws Exception {
        var db = TestDatabase.fresh(Files.createTempDirectory("larkspur-migration"));
        try {
            db.flyway("classpath:db/migration").target("22").load().migrate();
            try (var c = db.connect()) {
                exec(c, "insert into tenant (id, tenant_key, name, created_at) values (1, 't1', 'T', 0)");
                exec(
                        c,
                        "insert into app (id, app_id, tenant_id, name, secret_hash, bot_enabled, bot_open_id,"
                                + " created_at) values (1, 'cli_1', 1, 'Bot', 'x', true, 'ou_bot1', 0)");
                exec(
                        c,
                        "insert into chat_create_request (app_id, uuid, owner_key, chat_id, expires_at)"
                                + " values (1, 'c1', '', 7, 1000), (1, 'c1', 'open_id:ou_x', 8, 2000)");
                exec(
                        c,
                        "insert into message_request (app_id, uuid, target, message_id, expires_at)"
                                + " values (1, 'm1', 'chat_id:oc_1', 9, 3000), (1, 'c1', 'sha256:ab', 10, 4000)");
            }

            db.flyway("classpath:db/migration").target("latest").load().migrate();

            try (var c = db.connect()) {
                assertThat(rows(c))
                        .containsExactly(
                                "1 chat.create c1  7 1000",
                                "1 chat.create c1 open_id:ou_x 8 2000",
                                "1 message.send c1 sha256:ab 10 4000",
                                "1 message.send m1 chat_id:oc_1 9 3000");
                assertThat(tableExists(c, "chat_create_request")).isFalse();
                assertThat(tableExists(c, "message_request")).isFalse();
            }
        } finally {
            db.drop();
        }
    }

    private static List<String> rows(Connection c) throws SQLException {
        var rows = new ArrayList<String>();
        try (var s = c.createStatement();
                var rs = s.executeQuery("select app_id, scope, uuid, target, result_id, expires_at"
                        + " from idempotency_claim order by scope, uuid, target")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getLong(5) + " " + rs.getLong(6));
            }
        }
        return rows;
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (var s = c.prepareStatement("select count(*) from information_schema.tables"
                + " where table_name = ? and table_schema = current_schema")) {
            s.setString(1, table);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
