package dev.larkspur.event.internal;

import dev.larkspur.event.StoredEvent;
import dev.larkspur.platform.EventsPool;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Fan-out's reads of the outbox, by key from its {@link FanoutCursor}, and the cursor's one row.
 * On the event workers' pool, in fan-out's transaction.
 */
@Repository
public class FanoutRepository {
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final String lock;

    FanoutRepository(@EventsPool JdbcClient jdbc, @EventsPool DataSource events) {
        this.jdbc = jdbc;
        // H2 is embedded: its one instance has one fan-out loop, the only writer of the row. Locking
        // it there would make every fan-out round, even an idle poll, a write to commit.
        this.postgres = DatabaseProduct.isPostgres(events);
        this.lock = postgres ? " for update" : "";
    }

    /**
     * The cursor, on PostgreSQL locked until the transaction ends: one instance fans out at a time,
     * and the next one reads where it stopped. (The row is made by the migration, never deleted.)
     */
    public FanoutCursor lock() {
        return jdbc.sql("select high, gaps from fanout_cursor where id = 1" + lock)
                .query((rs, n) -> FanoutCursor.decode(rs.getLong(1), rs.getString(2)))
                .single();
    }

    /** A PostgreSQL snapshot's bounds: transactions below xmin have ended; xmax is the next id. */
    public record Snapshot(long xmin, long xmax) {}

    /** A snapshot taken now, on PostgreSQL; empty on H2. */
    public Optional<Snapshot> snapshot() {
        if (!postgres) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select pg_snapshot_xmin(s)::text::bigint, pg_snapshot_xmax(s)::text::bigint"
                        + " from (select pg_current_snapshot() as s) t")
                .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getLong(2)))
                .single());
    }

    public void save(FanoutCursor cursor) {
        jdbc.sql("update fanout_cursor set high = ?, gaps = ? where id = 1")
                .params(cursor.high(), cursor.encodedGaps())
                .update();
    }

    /** The first {@code limit} events after key {@code high}. */
    public List<StoredEvent> after(long high, int limit) {
        return jdbc.sql(OutboxRepository.COLUMNS + " where id > ? order by id limit ?")
                .params(high, limit)
                .query(OutboxRepository::row)
                .list();
    }

    /** The first {@code limit} events with keys {@code from} to {@code to}. */
    public List<StoredEvent> between(long from, long to, int limit) {
        return jdbc.sql(OutboxRepository.COLUMNS + " where id between ? and ? order by id limit ?")
                .params(from, to, limit)
                .query(OutboxRepository::row)
                .list();
    }
}
