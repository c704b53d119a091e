package dev.larkspur.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The database's own ceiling for a send's writes: {@code threads} connections, each committing, as
 * fast as it can, one transaction of a message row and its outbox row shaped as the server writes
 * them (MessageRepository, OutboxRepository), into a chat of 10 and with the same durability. No
 * HTTP, no auth, no reads: what is left is what the database costs. It runs with as many
 * connections as the server's request pool has (a send never holds more), and never more than the
 * database has free.
 */
final class DbCeiling {
    private static final String MESSAGE = "insert into message (message_id, chat_id, sender_kind, sender_app_id,"
            + " msg_type, content, created_at, updated_at) values (?, ?, 'app', ?, 'text', ?, ?, ?)";
    /**
     * Of a type for no app ({@code larkspur.*}), so that a server running beside the ceiling (on
     * PostgreSQL it does) makes no deliveries of these rows; its fan-out only reads past them. The
     * row and its indexes are the same as a send's.
     */
    private static final String OUTBOX = "insert into event_outbox (event_id, event_type, tenant_id, chat_id,"
            + " payload, created_at) values (?, 'larkspur.bench.ceiling', ?, ?, ?, ?)";
    /** About the size of a text message's receive_v1 body as the server stores it. */
    private static final String PAYLOAD = "{\"sender\":{\"sender_id\":{\"$bot\":1},\"sender_type\":\"app\","
            + "\"tenant_key\":\"be0c4be0c4be0c4b\"},\"message\":{\"message_id\":\"%s\",\"create_time\":\"%d\","
            + "\"update_time\":\"%d\",\"chat_id\":\"oc_00000000000000000000000000000000\",\"chat_type\":\"group\","
            + "\"message_type\":\"text\",\"content\":\"{\\\"text\\\":\\\"bench\\\"}\"}}";

    private final Database db;
    private final AtomicInteger runs = new AtomicInteger();
    private final long chatPk;
    private final long tenantPk;
    private final long appPk;

    DbCeiling(Database db, String chatId) throws SQLException {
        this.db = db;
        try (var c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("select c.id, c.tenant_id, a.id from chat c join app a on a.tenant_id ="
                        + " c.tenant_id where c.chat_id = '" + chatId + "' and a.app_id = '" + Fixture.SENDER + "'")) {
            rs.next();
            chatPk = rs.getLong(1);
            tenantPk = rs.getLong(2);
            appPk = rs.getLong(3);
        }
    }

    /**
     * How many connections a ceiling run at {@code concurrency} may use: no more than the server's
     * request pool, and on PostgreSQL no more than {@code max_connections} leaves free (less a
     * margin for the superuser slots and the server's pools growing).
     */
    int connections(int concurrency, int requestPool) throws SQLException {
        int wanted = Math.min(concurrency, Math.max(1, requestPool));
        if (!db.name().equals("postgresql")) {
            return wanted;
        }
        try (var c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(
                        "select current_setting('max_connections')::int"
                                + " - current_setting('superuser_reserved_connections')::int - count(*) from pg_stat_activity")) {
            rs.next();
            return Math.max(1, Math.min(wanted, rs.getInt(1) - 4));
        }
    }

    /** What a ceiling run measured, and its CPU per transaction (read before its connections close). */
    record Measured(Latency latency, Cpu.Cost cost) {}

    Measured run(int threads, Duration duration) throws Exception {
        // Two runs may have as many connections (both capped at the request pool): their message ids must differ.
        int run = runs.incrementAndGet();
        var histogram = new Histogram(3);
        var errors = new AtomicLong();
        var firstError = new AtomicReference<String>();
        var ready = new CountDownLatch(threads);
        var go = new CountDownLatch(1);
        var stopped = new CountDownLatch(threads);
        var release = new CountDownLatch(1);
        var workers = new ArrayList<Thread>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int id = t;
            var worker = new Thread(() -> {
                try (var c = db.connect()) {
                    c.setAutoCommit(false);
                    var mine = new Histogram(3);
                    ready.countDown();
                    go.await();
                    long end = window[1];
                    for (long n = 0; System.nanoTime() < end; n++) {
                        long start = System.nanoTime();
                        try {
                            write(c, "om_c" + run + "_" + id + "_" + n);
                            mine.recordValue((System.nanoTime() - start) / 1000);
                        } catch (SQLException e) {
                            c.rollback();
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.getMessage());
                        }
                    }
                    synchronized (histogram) {
                        histogram.add(mine);
                    }
                    stopped.countDown();
                    // PostgreSQL's backends take their CPU time with them when they exit: read it first.
                    release.await();
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.getMessage());
                    ready.countDown();
                    stopped.countDown();
                }
            });
            workers.add(worker);
            worker.start();
        }
        boolean postgres = db.name().equals("postgresql");
        ready.await();
        var before = Cpu.Reading.of(ProcessHandle.current().pid(), postgres);
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        go.countDown();
        stopped.await();
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        var after = Cpu.Reading.of(ProcessHandle.current().pid(), postgres);
        release.countDown();
        for (var worker : workers) {
            worker.join();
        }
        if (firstError.get() != null) {
            System.out.printf(
                    "  db_ceiling with %d connections, the first of %d failed writes: %s%n",
                    threads, errors.get(), firstError.get());
        }
        Latency latency;
        synchronized (histogram) {
            latency = Latency.of(histogram, errors.get(), seconds);
        }
        return new Measured(latency, after.since(before, latency.requests()));
    }

    private void write(Connection c, String messageId) throws SQLException {
        long now = System.currentTimeMillis();
        try (var message = c.prepareStatement(MESSAGE);
                var event = c.prepareStatement(OUTBOX)) {
            message.setString(1, messageId);
            message.setLong(2, chatPk);
            message.setLong(3, appPk);
            message.setString(4, "{\"text\":\"bench\"}");
            message.setLong(5, now);
            message.setLong(6, now);
            message.executeUpdate();
            event.setString(1, "ev_" + messageId);
            event.setLong(2, tenantPk);
            event.setLong(3, chatPk);
            event.setString(4, PAYLOAD.formatted(messageId, now, now));
            event.setLong(5, now);
            event.executeUpdate();
        }
        c.commit();
    }

    /** Removes what the ceiling wrote, so that the server does not fan its events out later. */
    void cleanUp() throws SQLException {
        try (var c = db.connect();
                var s = c.createStatement()) {
            s.executeUpdate("delete from event_outbox where event_id like 'ev_om_c%'");
            s.executeUpdate("delete from message where message_id like 'om_c%'");
        }
    }
}
