package dev.larkspur.event.internal;

import dev.larkspur.event.StoredEvent;
import java.util.List;
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
        jdbc.sql("insert into event_outbox (event_id, event_type, tenant_id, chat_id, only_app_id, payload, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(eventId, type, tenantPk, chatPk, onlyAppPk, payload, now)
                .update();
    }

    public long countUnfanned() {
        return jdbc.sql("select count(*) from event_outbox where fanned_out = false")
                .query(Long.class)
                .single();
    }

    public List<StoredEvent> ofChat(long chatPk, long afterPk, int limit) {
        return jdbc.sql("select id, event_id, event_type, tenant_id, chat_id, only_app_id, payload, created_at"
                        + " from event_outbox where chat_id = ? and id > ? order by id limit ?")
                .params(chatPk, afterPk, limit)
                .query((rs, n) -> new StoredEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getObject(5, Long.class),
                        rs.getObject(6, Long.class),
                        rs.getString(7),
                        rs.getLong(8)))
                .list();
    }
}
