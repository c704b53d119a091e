package dev.larkspur.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every combination of filters the delivery inspector offers is one backward range scan of an index
 * made for it (V22), with no sort: the database's own plan says so, on H2 and on PostgreSQL.
 * PostgreSQL is told to avoid sequential scans and sorts, as it would on a million rows; these
 * tables are nearly empty.
 */
class DeliverySearchPlansIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String plan(boolean status, boolean type, boolean from, boolean to, boolean before)
            throws SQLException {
        String sql = DeliveryRepository.searchSql(status, type, from, to, before)
                .replace(":app", "1")
                .replace(":status", "'failed'")
                .replace(":type", "'im.message.receive_v1'")
                .replace(":from", "1000")
                .replace(":to", "9000000000000")
                .replace(":beforeAt", "8000000000000")
                .replace(":beforePk", "1000")
                .replace(":limit", "26");
        try (Connection c = server.bean(DataSource.class).getConnection();
                var s = c.createStatement()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().contains("PostgreSQL");
            if (postgres) {
                s.execute("set enable_seqscan = off");
                s.execute("set enable_bitmapscan = off");
                s.execute("set enable_sort = off");
            }
            var lines = new ArrayList<String>();
            try (var rs = s.executeQuery("explain " + sql)) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            if (postgres) {
                s.execute("reset all");
            }
            return String.join("\n", lines);
        }
    }

    private static void assertWalks(String plan, String index) {
        if (plan.toLowerCase(Locale.ROOT).contains("/* public.")) {
            assertThat(plan)
                    .as(plan)
                    .containsIgnoringCase("/* public." + index + ":")
                    .contains("/* index sorted */");
        } else {
            // An index-only scan, or an index scan: either walks the index in the page's order.
            assertThat(plan)
                    .as(plan)
                    .containsPattern("Scan Backward using " + index + " ")
                    .doesNotContain("Sort");
        }
    }

    @Test
    void anAppsDeliveriesWalkTheirOwnIndexWithOrWithoutATimeRange() throws SQLException {
        for (boolean from : new boolean[] {false, true}) {
            for (boolean before : new boolean[] {false, true}) {
                assertWalks(plan(false, false, from, from, before), "delivery_app");
            }
        }
    }

    @Test
    void eachFilterCombinationWalksTheIndexMadeForIt() throws SQLException {
        for (boolean time : new boolean[] {false, true}) {
            for (boolean before : new boolean[] {false, true}) {
                assertWalks(plan(true, false, time, time, before), "delivery_app_status");
                assertWalks(plan(false, true, time, time, before), "delivery_app_type");
                assertWalks(plan(true, true, time, time, before), "delivery_app_status_type");
            }
        }
    }
}
