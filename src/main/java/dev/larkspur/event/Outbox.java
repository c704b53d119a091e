package dev.larkspur.event;

import dev.larkspur.event.internal.EventNotifier;
import dev.larkspur.event.internal.OutboxRepository;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/** Appends domain events; must run inside the transaction of the change that causes them. */
@Service
public class Outbox {
    private static final Object ANNOUNCED = new Object();
    private final OutboxRepository events;
    private final JsonMapper json;
    private final EventSignals signals;
    private final EventNotifier notifier;
    private final Clock clock;

    Outbox(OutboxRepository events, JsonMapper json, EventSignals signals, EventNotifier notifier, Clock clock) {
        this.events = events;
        this.json = json;
        this.signals = signals;
        this.notifier = notifier;
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
        announceOncePerTransaction();
    }

    /**
     * One NOTIFY to other instances and one wake-up of this one per transaction, however many
     * events it records; both take effect only when it commits.
     */
    private void announceOncePerTransaction() {
        if (TransactionSynchronizationManager.hasResource(ANNOUNCED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(ANNOUNCED, Boolean.TRUE);
        notifier.notifyOthers();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signals.wake();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ANNOUNCED);
            }
        });
    }

    /** Events recorded but not yet turned into deliveries: how far fan-out is behind. */
    public long backlog() {
        return events.countUnfanned();
    }

    /** Recorded events of a chat after {@code afterPk}, oldest first. */
    public List<StoredEvent> ofChat(long chatPk, long afterPk, int limit) {
        return events.ofChat(chatPk, afterPk, limit);
    }
}
