package dev.larkspur.event;

import dev.larkspur.event.internal.OutboxRepository;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Appends domain events; must run inside the transaction of the change that causes them. */
@Service
public class Outbox {
    private final OutboxRepository events;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(OutboxRepository events, JsonMapper json, Clock clock) {
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(NewEvent event) {
        events.insert(
                Ids.hex(32),
                event.eventType(),
                event.tenantPk(),
                event.chatPk(),
                event.onlyAppPk(),
                json.writeValueAsString(event.body()),
                clock.millis());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<NewEvent> batch) {
        batch.forEach(this::append);
    }

    /** Recorded events of a chat after {@code afterPk}, oldest first. */
    public List<StoredEvent> ofChat(long chatPk, long afterPk, int limit) {
        return events.ofChat(chatPk, afterPk, limit);
    }
}
