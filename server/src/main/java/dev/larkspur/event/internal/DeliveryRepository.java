package dev.larkspur.event.internal;

import dev.larkspur.event.Delivery;
import dev.larkspur.event.DeliveryAttempt;
import dev.larkspur.event.DeliveryBacklog;
import dev.larkspur.event.EventSettings;
import dev.larkspur.event.StoredEvent;
import dev.larkspur.platform.EventsPool;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DeliveryRepository {
    private static final String DELIVERY_COLUMNS = "id, event_id, app_id, mode, status, attempts, next_attempt_at,"
            + " last_status, last_error, last_latency_ms, created_at, delivered_at, event_type";
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    /**
     * H2 applies a {@code select ... for update}'s limit only after it has locked every row that
     * matches: with a backlog of 20,000 deliveries, claiming 16 scanned and locked all 20,000 (136
     * to 344 ms a claim, against 15 to 36 ms without the lock). On H2 a claim therefore picks its
     * keys first, unlocked, and then locks those by key; H2 is embedded, so no other instance claims
     * beside this one. PostgreSQL locks only the rows it returns, in one statement.
     */
    private final boolean lockPickedKeys;

    /**
     * On the event workers' pool ({@link EventsPool}): the fan-out, the claims and the records run
     * there, in its transactions, so that requests holding every connection of theirs cannot hold up
     * deliveries. The inspector's reads and replays take a connection of it too.
     */
    DeliveryRepository(@EventsPool JdbcClient jdbc, @EventsPool DataSource events) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(events);
        this.lockPickedKeys = !DatabaseProduct.isPostgres(template.getDataSource());
    }

    /** A delivery to create: which event goes to which app, by which mode. */
    public record NewDelivery(long eventPk, long appPk, String eventType, String mode) {}

    public void insert(List<NewDelivery> rows, long now) {
        template.batchUpdate(
                """
                insert into delivery (event_id, app_id, event_type, mode, status, next_attempt_at, created_at)
                values (?, ?, ?, ?, 'pending', ?, ?)
                on conflict do nothing""",
                rows,
                500,
                (ps, d) -> {
                    ps.setLong(1, d.eventPk());
                    ps.setLong(2, d.appPk());
                    ps.setString(3, d.eventType());
                    ps.setString(4, d.mode());
                    ps.setLong(5, now);
                    ps.setLong(6, now);
                });
    }

    /**
     * Due deliveries of a mode, locked until the transaction ends: another instance skips them
     * meanwhile, and those the caller {@link #lease}s stay its own after that. Deliveries of the apps
     * in {@code skipApps} are left for later (they have no push to spare).
     */
    public List<Delivery> pickDue(String mode, Collection<Long> skipApps, long now, int limit) {
        return pick(mode, List.of(), skipApps, now, limit);
    }

    /** As {@link #pickDue}, for deliveries to the given apps only. */
    public List<Delivery> pickDueFor(
            String mode, Collection<Long> appPks, Collection<Long> skipApps, long now, int limit) {
        if (appPks.isEmpty()) {
            return List.of();
        }
        return pick(mode, appPks, skipApps, now, limit);
    }

    /**
     * The order names delivery_due's columns (status, mode, next_attempt_at), equal to ordering by
     * next_attempt_at under the where clause, so that H2 too reads that index in order and stops at
     * the limit (it sorted every due row before: 19,943 rows scanned to return 16).
     */
    private List<Delivery> pick(String mode, Collection<Long> appPks, Collection<Long> skipApps, long now, int limit) {
        String pick = "from delivery where status = 'pending' and mode = :mode"
                + (appPks.isEmpty() ? "" : " and app_id in (:apps)")
                + (skipApps.isEmpty() ? "" : " and app_id not in (:skip)")
                + " and next_attempt_at <= :now order by status, mode, next_attempt_at limit :limit";
        var params = new HashMap<String, Object>();
        params.put("mode", mode);
        params.put("apps", appPks);
        params.put("skip", skipApps);
        params.put("now", now);
        params.put("limit", limit);
        if (!lockPickedKeys) {
            return jdbc.sql("select " + DELIVERY_COLUMNS + " " + pick + " for update skip locked")
                    .params(params)
                    .query(DeliveryRepository::delivery)
                    .list();
        }
        return lockPicked(
                jdbc.sql("select id " + pick).params(params).query(Long.class).list(), now);
    }

    /**
     * Locks the deliveries picked, by key alone: with the claim's other conditions, H2 takes the due
     * index again. Those are checked on the locked rows instead, which are as the last commit left them.
     */
    private List<Delivery> lockPicked(List<Long> keys, long now) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql("select " + DELIVERY_COLUMNS + " from delivery where id in (:ids) for update skip locked")
                .param("ids", keys)
                .query(DeliveryRepository::delivery)
                .stream()
                .filter(d -> d.status().equals("pending") && d.nextAttemptAt() <= now)
                .sorted(Comparator.comparingLong(Delivery::nextAttemptAt))
                .toList();
    }

    /**
     * Leases picked deliveries until {@code leaseUntil}, in the transaction that picked them, so
     * that a crash mid-send only delays them.
     */
    public void lease(List<Delivery> due, long leaseUntil) {
        if (!due.isEmpty()) {
            jdbc.sql("update delivery set next_attempt_at = :lease where id in (:ids)")
                    .param("lease", leaseUntil)
                    .param("ids", due.stream().map(Delivery::pk).toList())
                    .update();
        }
    }

    public Optional<StoredEvent> event(long eventPk) {
        return jdbc.sql(OutboxRepository.COLUMNS + " where id = ?")
                .param(eventPk)
                .query(OutboxRepository::row)
                .optional();
    }

    public Optional<Delivery> find(long pk) {
        return jdbc.sql("select " + DELIVERY_COLUMNS + " from delivery where id = ?")
                .param(pk)
                .query(DeliveryRepository::delivery)
                .optional();
    }

    /**
     * An app's deliveries, newest first by (created_at, id), narrowed by status, event type and
     * creation time (null: any), after the page key {@code (beforeAt, beforePk)} (null: from the
     * newest). Each combination of filters walks its own index (V22) for the page's keys, then the
     * rows are read by key, so a page costs the same at the millionth delivery as at the first.
     */
    public List<Delivery> search(
            long appPk,
            String status,
            String eventType,
            Long fromMillis,
            Long toMillis,
            Long beforeAt,
            Long beforePk,
            int limit) {
        String sql =
                searchSql(status != null, eventType != null, fromMillis != null, toMillis != null, beforeAt != null);
        List<Long> keys = jdbc.sql(sql)
                .param("app", appPk)
                .param("status", status)
                .param("type", eventType)
                .param("from", fromMillis)
                .param("to", toMillis)
                .param("beforeAt", beforeAt)
                .param("beforePk", beforePk)
                .param("limit", limit)
                .query(Long.class)
                .list();
        if (keys.isEmpty()) {
            return List.of();
        }
        var byKey = new HashMap<Long, Delivery>();
        jdbc.sql("select " + DELIVERY_COLUMNS + " from delivery where id in (:ids)")
                .param("ids", keys)
                .query(DeliveryRepository::delivery)
                .list()
                .forEach(d -> byKey.put(d.pk(), d));
        return keys.stream().map(byKey::get).filter(Objects::nonNull).toList();
    }

    /**
     * The inspector's query for a combination of filters; its tests explain it. It selects the keys
     * alone, which the filter's index holds: asked for whole rows, H2 prefers the foreign key's
     * index on app_id and sorts every delivery of the app.
     */
    static String searchSql(boolean status, boolean type, boolean from, boolean to, boolean before) {
        var sql = new StringBuilder("select id from delivery where app_id = :app");
        if (status) {
            sql.append(" and status = :status");
        }
        if (type) {
            sql.append(" and event_type = :type");
        }
        if (from) {
            sql.append(" and created_at >= :from");
        }
        if (to) {
            sql.append(" and created_at < :to");
        }
        if (before) {
            // Written out rather than as a row comparison, so that H2 too sees an index range.
            sql.append(" and created_at <= :beforeAt and (created_at < :beforeAt or id < :beforePk)");
        }
        // The order names the index's equality columns too: PostgreSQL ignores them, and H2 only
        // walks an index for an order that is a prefix of its columns.
        sql.append(" order by app_id desc");
        if (status) {
            sql.append(", status desc");
        }
        if (type) {
            sql.append(", event_type desc");
        }
        return sql.append(", created_at desc, id desc limit :limit").toString();
    }

    /** The {@code event_id}s of outbox events by key, for a page of deliveries in one query. */
    public Map<Long, String> eventIds(Collection<Long> eventPks) {
        if (eventPks.isEmpty()) {
            return Map.of();
        }
        var result = new HashMap<Long, String>();
        jdbc.sql("select id, event_id from event_outbox where id in (:ids)")
                .param("ids", eventPks)
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getString(2));
                });
        return result;
    }

    /** Every attempt of each delivery, oldest first, for a page of deliveries in one query. */
    public Map<Long, List<DeliveryAttempt>> attempts(Collection<Long> deliveryPks) {
        if (deliveryPks.isEmpty()) {
            return Map.of();
        }
        var result = new HashMap<Long, List<DeliveryAttempt>>();
        jdbc.sql("select delivery_id, attempt, at, status_code, latency_ms, error from delivery_attempt"
                        + " where delivery_id in (:ids) order by delivery_id, attempt")
                .param("ids", deliveryPks)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new DeliveryAttempt(
                                    rs.getInt(2),
                                    rs.getLong(3),
                                    rs.getObject(4, Integer.class),
                                    rs.getLong(5),
                                    rs.getString(6)));
                });
        return result;
    }

    /**
     * Deliveries whose pushes are failing: still pending after a failed attempt (waiting for their
     * retry), and given up on. Each count stops at {@code cap}, so that a server with a million
     * failed deliveries still answers at once; both walk the {@code delivery_due} index by status.
     */
    public long[] failing(long cap) {
        long retrying = jdbc.sql(
                        "select count(*) from (select 1 from delivery where status = 'pending' and attempts > 0"
                                + " limit :cap) f")
                .param("cap", cap)
                .query(Long.class)
                .single();
        long failed = jdbc.sql("select count(*) from (select 1 from delivery where status = 'failed' limit :cap) f")
                .param("cap", cap)
                .query(Long.class)
                .single();
        return new long[] {retrying, failed};
    }

    /** Pending deliveries per mode (both modes always listed), for the backlog gauges. */
    public List<DeliveryBacklog.Backlog> backlog() {
        var rows = jdbc.sql(
                        """
                        select mode, count(*) as pending, min(created_at) as oldest
                        from delivery where status = 'pending' group by mode""")
                .query((rs, n) -> new DeliveryBacklog.Backlog(
                        rs.getString("mode"), rs.getLong("pending"), rs.getObject("oldest", Long.class)))
                .list();
        var all = new java.util.ArrayList<>(rows);
        for (String mode : EventSettings.MODES) {
            if (rows.stream().noneMatch(r -> r.mode().equals(mode))) {
                all.add(new DeliveryBacklog.Backlog(mode, 0, null));
            }
        }
        return all;
    }

    /** Outbox events by key, for a claim's deliveries in one query. */
    public Map<Long, StoredEvent> events(Collection<Long> eventPks) {
        if (eventPks.isEmpty()) {
            return Map.of();
        }
        var result = new HashMap<Long, StoredEvent>();
        jdbc.sql(OutboxRepository.COLUMNS + " where id in (:ids)")
                .param("ids", eventPks)
                .query(OutboxRepository::row)
                .list()
                .forEach(e -> result.put(e.pk(), e));
        return result;
    }

    /**
     * One attempt to record: delivered ({@code error} null), failed and due again at {@code
     * retryAt}, or failed for good ({@code retryAt} null).
     */
    public record Attempt(long pk, int attempt, long at, Integer status, long latencyMs, String error, Long retryAt) {}

    /**
     * Records the attempts of several deliveries with three batched statements, in the caller's transaction.
     * The batches stay positional on this hot path: one setter per column, in the columns' order, each
     * nullable column with its SQL type, sent in chunks of 500.
     */
    public void record(List<Attempt> attempts) {
        template.batchUpdate(
                """
                insert into delivery_attempt (delivery_id, attempt, at, status_code, latency_ms, error)
                values (?, ?, ?, ?, ?, ?)""",
                attempts,
                500,
                (ps, a) -> {
                    ps.setLong(1, a.pk());
                    ps.setInt(2, a.attempt());
                    ps.setLong(3, a.at());
                    ps.setObject(4, a.status(), java.sql.Types.INTEGER);
                    ps.setLong(5, a.latencyMs());
                    ps.setString(6, truncate(a.error()));
                });
        var delivered = attempts.stream().filter(a -> a.error() == null).toList();
        if (!delivered.isEmpty()) {
            template.batchUpdate(
                    """
                    update delivery set status = 'delivered', attempts = ?, last_status = ?, last_error = null,
                        last_latency_ms = ?, delivered_at = ?
                    where id = ?""",
                    delivered,
                    500,
                    (ps, a) -> {
                        ps.setInt(1, a.attempt());
                        ps.setObject(2, a.status(), java.sql.Types.INTEGER);
                        ps.setLong(3, a.latencyMs());
                        ps.setLong(4, a.at());
                        ps.setLong(5, a.pk());
                    });
        }
        var failed = attempts.stream().filter(a -> a.error() != null).toList();
        if (!failed.isEmpty()) {
            template.batchUpdate(
                    """
                    update delivery set status = ?, attempts = ?, last_status = ?, last_error = ?,
                        last_latency_ms = ?, next_attempt_at = coalesce(?, next_attempt_at)
                    where id = ?""",
                    failed,
                    500,
                    (ps, a) -> {
                        ps.setString(1, a.retryAt() == null ? "failed" : "pending");
                        ps.setInt(2, a.attempt());
                        ps.setObject(3, a.status(), java.sql.Types.INTEGER);
                        ps.setString(4, truncate(a.error()));
                        ps.setLong(5, a.latencyMs());
                        ps.setObject(6, a.retryAt(), java.sql.Types.BIGINT);
                        ps.setLong(7, a.pk());
                    });
        }
    }

    public void requeue(long pk, long now) {
        jdbc.sql("update delivery set status = 'pending', next_attempt_at = ? where id = ?")
                .params(now, pk)
                .update();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static Delivery delivery(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Delivery(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getLong(7),
                rs.getObject(8, Integer.class),
                rs.getString(9),
                rs.getObject(10, Integer.class),
                rs.getLong(11),
                rs.getObject(12, Long.class),
                rs.getString(13));
    }
}
