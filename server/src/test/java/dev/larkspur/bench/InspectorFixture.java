package dev.larkspur.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A million deliveries for the delivery inspector, written straight into the stopped server's
 * database with a few set-based inserts: one outbox event, one delivery and one attempt each, all
 * for the receiving bot, 100 ms apart. Delivery {@code x} is failed when x % 50 == 3 (2 %),
 * pending when x % 100 == 51 (1 %, retried only in ten days, so no worker touches them while the
 * bench measures), delivered otherwise; its event is a reaction when x % 20 == 3 (5 %; failed
 * reactions are 1 %), a message otherwise.
 */
final class InspectorFixture {
    static final String MESSAGE = "im.message.receive_v1";
    static final String REACTION = "im.message.reaction.created_v1";
    static final long SPACING_MS = 100;
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

    /** When the first delivery was made; the time filters pick an hour in the middle. */
    long base;

    long deliveries;

    /** The key of delivery x = 0 (the first one is 1 more). */
    long deliveryPk0;

    void fill(Database db, long n) throws SQLException {
        deliveries = n;
        base = (System.currentTimeMillis() - n * SPACING_MS - 60_000) / 60_000 * 60_000;
        try (var c = db.connect()) {
            c.setAutoCommit(false);
            long app = pk(c, "select id from app where app_id = '" + Fixture.RECEIVER + "'");
            long tenant = pk(c, "select tenant_id from app where id = " + app);
            long firstEvent = pk(c, "select coalesce(max(id), 0) from event_outbox");
            long firstDelivery = pk(c, "select coalesce(max(id), 0) from delivery");
            deliveryPk0 = firstDelivery;
            String at = base + " + x * " + SPACING_MS;
            String type = "case when mod(x, 20) = 3 then '" + REACTION + "' else '" + MESSAGE + "' end";
            String failed = "mod(x, 50) = 3";
            String pending = "mod(x, 100) = 51";
            try (var s = c.createStatement()) {
                s.executeUpdate("insert into event_outbox (id, event_id, event_type, tenant_id, chat_id, only_app_id,"
                        + " payload, created_at) select " + firstEvent + " + x, concat('evbench', x), "
                        + type + ", " + tenant + ", null, " + app + ", '{}', " + at + " from "
                        + db.numbers(n));
                s.executeUpdate("insert into delivery (id, event_id, app_id, event_type, mode, status, attempts,"
                        + " next_attempt_at, last_status, last_error, last_latency_ms, created_at, delivered_at)"
                        + " select " + firstDelivery + " + x, " + firstEvent + " + x, " + app + ", " + type
                        + ", 'callback', case when " + failed + " then 'failed' when " + pending
                        + " then 'pending' else 'delivered' end, 1, " + at + " + case when " + pending
                        + " then 864000000 else 0 end, case when " + failed + " or " + pending
                        + " then 503 else 200 end, case when " + failed + " or " + pending
                        + " then 'HTTP 503' end, 12, " + at + ", case when " + failed + " or " + pending
                        + " then null else " + at + " + 12 end from " + db.numbers(n));
                s.executeUpdate(
                        "insert into delivery_attempt (delivery_id, attempt, at, status_code, latency_ms, error)"
                                + " select " + firstDelivery + " + x, 1, " + at + ", case when " + failed + " or "
                                + pending + " then 503 else 200 end, 12, case when " + failed + " or " + pending
                                + " then 'HTTP 503' end from " + db.numbers(n));
                passFanout(c, firstEvent, firstEvent + n);
                for (var table : java.util.List.of("event_outbox", "delivery")) {
                    long next = pk(c, "select coalesce(max(id), 0) + 1 from " + table);
                    s.executeUpdate("alter table " + table + " alter column id restart with " + next);
                }
            }
            c.commit();
            if (db.name().equals("postgresql")) {
                // What autovacuum would soon do on a server that made these rows one by one.
                c.setAutoCommit(true);
                try (var s = c.createStatement()) {
                    s.execute("analyze event_outbox");
                    s.execute("analyze delivery");
                    s.execute("analyze delivery_attempt");
                }
            }
        }
    }

    /**
     * Moves fan-out's cursor past the events written here, whose deliveries exist already: the
     * server would otherwise read all of them when it starts. Events before them that it had not
     * read yet (the server may stop before it has fanned out the last chats' events) are left to
     * it as a gap, in the cursor's stored form ({@code from-to@millis}, see FanoutCursor).
     */
    private static void passFanout(Connection c, long firstEvent, long lastEvent) throws SQLException {
        long high;
        String gaps;
        try (var s = c.createStatement();
                var rs = s.executeQuery("select high, gaps from fanout_cursor where id = 1 for update")) {
            rs.next();
            high = rs.getLong(1);
            gaps = rs.getString(2);
        }
        if (high < firstEvent) {
            String unread = (high + 1) + "-" + firstEvent + "@" + System.currentTimeMillis();
            gaps = gaps.isEmpty() ? unread : gaps + "," + unread;
        }
        try (var s = c.prepareStatement("update fanout_cursor set high = ?, gaps = ? where id = 1")) {
            s.setLong(1, lastEvent);
            s.setString(2, gaps);
            s.executeUpdate();
        }
    }

    /** The console's time filter value (UTC, to the minute) of an instant {@code fraction} into the deliveries. */
    String at(double fraction) {
        return MINUTE.format(Instant.ofEpochMilli(base + (long) (deliveries * SPACING_MS * fraction)));
    }

    /** A page token that opens the page just older than delivery {@code x}, as its Older link would. */
    String tokenBefore(long x) {
        var all = new dev.larkspur.event.DeliveryInspector.Filter(0, null, null, null, null);
        return dev.larkspur.event.DeliveryInspector.pageBefore(all, base + x * SPACING_MS, deliveryPk0 + x);
    }

    private static long pk(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("nothing for " + sql);
            }
            return rs.getLong(1);
        }
    }
}
