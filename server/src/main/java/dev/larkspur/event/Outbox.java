package dev.larkspur.event;

import dev.larkspur.event.internal.EventNotifier;
import dev.larkspur.event.internal.OutboxRepository;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
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
    /**
     * The wire names of {@link EventType.Kind#INTERNAL} types start with this: the server's own
     * change signals (e.g. a message edited, which Feishu announces to no app), recorded with the
     * change like any event, so that the browsers' live updates follow them across instances, but
     * never delivered to an app nor shown among a chat's events (whose SQL filters on the prefix).
     */
    public static final String INTERNAL_PREFIX = "larkspur.";

    private static final Object ANNOUNCED = new Object();
    private final OutboxRepository events;
    private final JsonMapper json;
    private final EventSignals signals;
    private final EventNotifier notifier;
    private final EventMeter meter;
    private final Clock clock;

    Outbox(
            OutboxRepository events,
            JsonMapper json,
            EventSignals signals,
            EventNotifier notifier,
            EventMeter meter,
            Clock clock) {
        this.events = events;
        this.json = json;
        this.signals = signals;
        this.notifier = notifier;
        this.meter = meter;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(NewEvent event) {
        events.insert(
                Ids.hex(32),
                event.type().wireName(),
                event.tenantPk(),
                event.chatPk(),
                event.onlyAppPk(),
                json.writeValueAsString(event.body()),
                clock.millis());
        var recorded = announceOncePerTransaction();
        if (!event.type().internal()) {
            recorded.add(event.type().wireName());
        }
    }

    /**
     * One NOTIFY to other instances and one wake-up of this one per transaction, however many
     * events it records; both happen only once it has committed (the NOTIFY coalesced with those of
     * other commits, outside the transaction), and so does counting the events (for the overview
     * and the metrics) whose types go in the list returned.
     */
    @SuppressWarnings("unchecked")
    private List<String> announceOncePerTransaction() {
        var counted = (List<String>) TransactionSynchronizationManager.getResource(ANNOUNCED);
        if (counted != null) {
            return counted;
        }
        var recorded = new ArrayList<String>();
        TransactionSynchronizationManager.bindResource(ANNOUNCED, recorded);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                meter.recorded(recorded);
                signals.wake();
                notifier.eventsRecorded();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ANNOUNCED);
            }
        });
        return recorded;
    }

    /** Events recorded but not yet turned into deliveries: how far fan-out is behind. */
    public long backlog() {
        return events.countUnfanned();
    }

    /** Whether an event type is one of the server's own signals, for no app ({@link #INTERNAL_PREFIX}). */
    public static boolean internal(String eventType) {
        return eventType.startsWith(INTERNAL_PREFIX);
    }

    /**
     * Every recorded event after {@code afterPk} and those of {@code alsoPks} (keys once skipped,
     * whose transactions may have committed since), oldest first: the change feed of live updates.
     */
    public List<StoredEvent> after(long afterPk, Collection<Long> alsoPks, int limit) {
        return events.after(afterPk, alsoPks, limit);
    }

    /** The newest event's key (0 when there is none): where a change feed starts. */
    public long latestPk() {
        return events.latestPk();
    }

    /** Recorded events of a chat after {@code afterPk}, oldest first, without the internal ones. */
    public List<StoredEvent> ofChat(long chatPk, long afterPk, int limit) {
        return events.ofChat(chatPk, afterPk, limit);
    }
}
