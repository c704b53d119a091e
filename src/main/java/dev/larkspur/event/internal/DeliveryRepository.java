package dev.larkspur.event.internal;

import dev.larkspur.event.Delivery;
import dev.larkspur.event.DeliveryAttempt;
import dev.larkspur.event.DeliveryBacklog;
import dev.larkspur.event.EventSettings;
import dev.larkspur.event.StoredEvent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DeliveryRepository {
    private static final String EVENT_COLUMNS =
            "id, event_id, event_type, tenant_id, chat_id, only_app_id, payload, created_at";
    private static final String DELIVERY_COLUMNS = "id, event_id, app_id, mode, status, attempts, next_attempt_at,"
            + " last_status, last_error, last_latency_ms, created_at, delivered_at";
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DeliveryRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Claims outbox events not yet fanned out; other instances skip the rows this one locked. */
    public List<StoredEvent> claimUnfanned(int limit) {
        return jdbc.sql("select " + EVENT_COLUMNS + " from event_outbox where fanned_out = false order by id limit ?"
                        + " for update skip locked")
                .param(limit)
                .query(DeliveryRepository::event)
                .list();
    }

    public void markFanned(Collection<Long> eventPks) {
        if (!eventPks.isEmpty()) {
            jdbc.sql("update event_outbox set fanned_out = true where id in (:ids)")
                    .param("ids", eventPks)
                    .update();
        }
    }

    /** A delivery to create: which event goes to which app, by which mode. */
    public record NewDelivery(long eventPk, long appPk, String mode) {}

    public void insert(List<NewDelivery> rows, long now) {
        template.batchUpdate(
                "insert into delivery (event_id, app_id, mode, status, next_attempt_at, created_at)"
                        + " values (?, ?, ?, 'pending', ?, ?) on conflict do nothing",
                rows,
                500,
                (ps, d) -> {
                    ps.setLong(1, d.eventPk());
                    ps.setLong(2, d.appPk());
                    ps.setString(3, d.mode());
                    ps.setLong(4, now);
                    ps.setLong(5, now);
                });
    }

    /**
     * Claims due deliveries of a mode and leases them until {@code leaseUntil}, so that a crash
     * mid-send only delays them; another instance skips rows this one has locked.
     */
    public List<Delivery> claimDue(String mode, long now, long leaseUntil, int limit) {
        var due = jdbc.sql("select " + DELIVERY_COLUMNS + " from delivery where status = 'pending' and mode = ?"
                        + " and next_attempt_at <= ? order by next_attempt_at limit ? for update skip locked")
                .params(mode, now, limit)
                .query(DeliveryRepository::delivery)
                .list();
        lease(due, leaseUntil);
        return due;
    }

    private void lease(List<Delivery> due, long leaseUntil) {
        if (!due.isEmpty()) {
            jdbc.sql("update delivery set next_attempt_at = :lease where id in (:ids)")
                    .param("lease", leaseUntil)
                    .param("ids", due.stream().map(Delivery::pk).toList())
                    .update();
        }
    }

    /** As {@link #claimDue}, for deliveries to the given apps only. */
    public List<Delivery> claimDueFor(String mode, Collection<Long> appPks, long now, long leaseUntil, int limit) {
        if (appPks.isEmpty()) {
            return List.of();
        }
        var due = jdbc.sql("select " + DELIVERY_COLUMNS + " from delivery where status = 'pending' and mode = :mode"
                        + " and app_id in (:apps) and next_attempt_at <= :now order by next_attempt_at limit :limit"
                        + " for update skip locked")
                .param("mode", mode)
                .param("apps", appPks)
                .param("now", now)
                .param("limit", limit)
                .query(DeliveryRepository::delivery)
                .list();
        lease(due, leaseUntil);
        return due;
    }

    public Optional<StoredEvent> event(long eventPk) {
        return jdbc.sql("select " + EVENT_COLUMNS + " from event_outbox where id = ?")
                .param(eventPk)
                .query(DeliveryRepository::event)
                .optional();
    }

    public Optional<Delivery> find(long pk) {
        return jdbc.sql("select " + DELIVERY_COLUMNS + " from delivery where id = ?")
                .param(pk)
                .query(DeliveryRepository::delivery)
                .optional();
    }

    /**
     * An app's deliveries, newest first by key, narrowed by status, event type and creation time
     * (null: any). Walks the {@code delivery_app} index; the event type comes from the outbox row.
     */
    public List<Delivery> search(
            long appPk, String status, String eventType, Long fromMillis, Long toMillis, long beforePk, int limit) {
        String columns = DELIVERY_COLUMNS.replaceAll("(\\w+)", "d.$1");
        var sql = new StringBuilder("select " + columns + " from delivery d");
        if (eventType != null) {
            sql.append(" join event_outbox e on e.id = d.event_id");
        }
        sql.append(" where d.app_id = :app and d.id < :before");
        if (status != null) {
            sql.append(" and d.status = :status");
        }
        if (eventType != null) {
            sql.append(" and e.event_type = :type");
        }
        if (fromMillis != null) {
            sql.append(" and d.created_at >= :from");
        }
        if (toMillis != null) {
            sql.append(" and d.created_at < :to");
        }
        sql.append(" order by d.id desc limit :limit");
        return jdbc.sql(sql.toString())
                .param("app", appPk)
                .param("before", beforePk)
                .param("status", status)
                .param("type", eventType)
                .param("from", fromMillis)
                .param("to", toMillis)
                .param("limit", limit)
                .query(DeliveryRepository::delivery)
                .list();
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
        for (String mode : List.of(EventSettings.CALLBACK, EventSettings.WEBSOCKET)) {
            if (rows.stream().noneMatch(r -> r.mode().equals(mode))) {
                all.add(new DeliveryBacklog.Backlog(mode, 0, null));
            }
        }
        return all;
    }

    public void recordAttempt(long pk, int attempt, long at, Integer status, long latencyMs, String error) {
        jdbc.sql("insert into delivery_attempt (delivery_id, attempt, at, status_code, latency_ms, error)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(pk, attempt, at, status, latencyMs, truncate(error))
                .update();
    }

    public void succeeded(long pk, int attempts, int status, long latencyMs, long now) {
        jdbc.sql("update delivery set status = 'delivered', attempts = ?, last_status = ?, last_error = null,"
                        + " last_latency_ms = ?, delivered_at = ? where id = ?")
                .params(attempts, status, latencyMs, now, pk)
                .update();
    }

    public void failed(long pk, int attempts, Integer status, String error, long latencyMs, Long nextAttemptAt) {
        jdbc.sql("update delivery set status = ?, attempts = ?, last_status = ?, last_error = ?, last_latency_ms = ?,"
                        + " next_attempt_at = coalesce(?, next_attempt_at) where id = ?")
                .params(
                        nextAttemptAt == null ? "failed" : "pending",
                        attempts,
                        status,
                        truncate(error),
                        latencyMs,
                        nextAttemptAt,
                        pk)
                .update();
    }

    public void requeue(long pk, long now) {
        jdbc.sql("update delivery set status = 'pending', next_attempt_at = ? where id = ?")
                .params(now, pk)
                .update();
    }

    public List<DeliveryAttempt> attempts(long deliveryPk) {
        return jdbc.sql("select attempt, at, status_code, latency_ms, error from delivery_attempt where delivery_id = ?"
                        + " order by attempt")
                .param(deliveryPk)
                .query((rs, n) -> new DeliveryAttempt(
                        rs.getInt(1), rs.getLong(2), rs.getObject(3, Integer.class), rs.getLong(4), rs.getString(5)))
                .list();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static StoredEvent event(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getObject(5, Long.class),
                rs.getObject(6, Long.class),
                rs.getString(7),
                rs.getLong(8));
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
                rs.getObject(12, Long.class));
    }
}
