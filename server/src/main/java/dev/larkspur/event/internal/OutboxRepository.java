package dev.larkspur.event.internal;

import dev.larkspur.event.StoredEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OutboxRepository {
    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            String eventId, String type, long tenantPk, Long chatPk, Long onlyAppPk, String payload, long now) {
        jdbc.sql(
                        """
                        insert into event_outbox (event_id, event_type, tenant_id, chat_id, only_app_id, payload,
                            created_at)
                        values (:event_id, :event_type, :tenant_id, :chat_id, :only_app_id, :payload, :created_at)""")
                .param("event_id", eventId)
                .param("event_type", type)
                .param("tenant_id", tenantPk)
                .param("chat_id", chatPk)
                .param("only_app_id", onlyAppPk)
                .param("payload", payload)
                .param("created_at", now)
                .update();
    }

    /**
     * Events fan-out has not read yet, as keys after its cursor up to the newest: keys rolled back
     * or deleted there count too, until fan-out passes them. A count of the rows themselves took
     * 31 ms a call on PostgreSQL in the benchmark (its generic plan for {@code id > ?} scans the
     * table); this reads one row of the cursor and one end of the primary key. (Zero when the
     * newest events were deleted after fan-out read them.)
     */
    public long countUnfanned() {
        return jdbc.sql("select greatest(coalesce((select max(id) from event_outbox), 0) - high, 0) from fanout_cursor"
                        + " where id = 1")
                .query(Long.class)
                .single();
    }

    static final String COLUMNS =
            "select id, event_id, event_type, tenant_id, chat_id, only_app_id, payload, created_at from event_outbox";

    /** Events meant for apps only: the server's own change signals ({@code larkspur.*}) are left out. */
    public List<StoredEvent> ofChat(long chatPk, long afterPk, int limit) {
        return jdbc.sql(COLUMNS
                        + " where chat_id = ? and id > ? and event_type not like 'larkspur.%' order by id limit ?")
                .params(chatPk, afterPk, limit)
                .query(OutboxRepository::row)
                .list();
    }

    /**
     * Every event after {@code afterPk}, and those of {@code alsoPks}, by key (the primary key's
     * index), the first {@code limit} of them. Two statements: with {@code id > ? or id in (...)}, H2
     * walked the primary key from its start, reading every event before {@code afterPk} on each
     * call (a seventh of the server's CPU in the benchmark's profile).
     */
    public List<StoredEvent> after(long afterPk, Collection<Long> alsoPks, int limit) {
        var later = jdbc.sql(COLUMNS + " where id > ? order by id limit ?")
                .params(afterPk, limit)
                .query(OutboxRepository::row)
                .list();
        if (alsoPks.isEmpty()) {
            return later;
        }
        var gaps = jdbc.sql(COLUMNS + " where id in (:also) order by id")
                .param("also", alsoPks)
                .query(OutboxRepository::row)
                .list();
        return Stream.concat(gaps.stream(), later.stream())
                .distinct()
                .sorted(Comparator.comparingLong(StoredEvent::pk))
                .limit(limit)
                .toList();
    }

    public long latestPk() {
        return jdbc.sql("select coalesce(max(id), 0) from event_outbox")
                .query(Long.class)
                .single();
    }

    static StoredEvent row(ResultSet rs, int n) throws SQLException {
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
}
