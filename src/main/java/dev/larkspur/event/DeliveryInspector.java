package dev.larkspur.event;

import dev.larkspur.event.internal.DeliveryRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every delivery with its attempts, for operators; and replay, which queues one again now. */
@Service
public class DeliveryInspector {
    private final DeliveryRepository deliveries;
    private final EventSignals signals;
    private final Clock clock;

    DeliveryInspector(DeliveryRepository deliveries, EventSignals signals, Clock clock) {
        this.deliveries = deliveries;
        this.signals = signals;
        this.clock = clock;
    }

    /** A delivery with its event's id and type and every attempt so far. */
    public record Inspected(Delivery delivery, String eventId, String eventType, List<DeliveryAttempt> attempts) {}

    /** What the inspector may narrow an app's deliveries by; null fields match anything. */
    public record Filter(long appPk, String status, String eventType, Long fromMillis, Long toMillis) {}

    @Transactional(readOnly = true)
    public List<Inspected> search(Filter f, long beforePk, int limit) {
        return deliveries
                .search(f.appPk(), f.status(), f.eventType(), f.fromMillis(), f.toMillis(), beforePk, limit)
                .stream()
                .map(this::inspect)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Inspected> find(long deliveryPk) {
        return deliveries.find(deliveryPk).map(this::inspect);
    }

    @Transactional
    public boolean replay(long deliveryPk) {
        if (deliveries.find(deliveryPk).isEmpty()) {
            return false;
        }
        deliveries.requeue(deliveryPk, clock.millis());
        signals.wake();
        return true;
    }

    private Inspected inspect(Delivery d) {
        var event = deliveries.event(d.eventPk()).orElseThrow();
        return new Inspected(d, event.eventId(), event.eventType(), deliveries.attempts(d.pk()));
    }
}
