package dev.larkspur.event;

import dev.larkspur.event.internal.DeliveryRepository;
import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.PageTokens;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

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
    public record Filter(long appPk, String status, String eventType, Long fromMillis, Long toMillis) {
        /** What a page token is bound to, so that a token is refused under another filter. */
        String query() {
            return status + "|" + eventType + "|" + fromMillis + "|" + toMillis;
        }
    }

    /** The token of the page just older than the delivery ({@code createdAt}, {@code pk}). */
    public static String pageBefore(Filter f, long createdAt, long pk) {
        return PageTokens.encode("delivery", f.query(), createdAt, pk);
    }

    /** One page, newest first, and the token of the next one (null on the last page). */
    public record Page(List<Inspected> items, String nextPageToken) {
        public boolean hasMore() {
            return nextPageToken != null;
        }
    }

    /**
     * A page of an app's deliveries after {@code pageToken} (null: the newest), keyed by creation
     * time and id; three queries whatever the page size: the deliveries, their event ids, their
     * attempts.
     */
    public Page search(Filter f, String pageToken, int size) {
        Long beforeAt = null;
        Long beforePk = null;
        if (pageToken != null && !pageToken.isBlank()) {
            var invalid = PageTokens.Refusal.of(
                    () -> FeishuErrors.fieldValidation("page_token", pageToken, "invalid page_token"));
            long[] position = PageTokens.decode(pageToken, "delivery", f.query(), new long[2], invalid);
            beforeAt = position[0];
            beforePk = position[1];
        }
        var rows = deliveries.search(
                f.appPk(), f.status(), f.eventType(), f.fromMillis(), f.toMillis(), beforeAt, beforePk, size + 1);
        boolean more = rows.size() > size;
        var shown = more ? rows.subList(0, size) : rows;
        var eventIds = deliveries.eventIds(shown.stream().map(Delivery::eventPk).toList());
        var attempts = deliveries.attempts(shown.stream().map(Delivery::pk).toList());
        var items = shown.stream()
                .map(d -> new Inspected(
                        d, eventIds.get(d.eventPk()), d.eventType(), attempts.getOrDefault(d.pk(), List.of())))
                .toList();
        String next = null;
        if (more) {
            var last = shown.get(size - 1);
            next = pageBefore(f, last.createdAt(), last.pk());
        }
        return new Page(items, next);
    }

    public Optional<Inspected> find(long deliveryPk) {
        return deliveries
                .find(deliveryPk)
                .map(d -> new Inspected(
                        d,
                        deliveries.eventIds(List.of(d.eventPk())).get(d.eventPk()),
                        d.eventType(),
                        deliveries.attempts(List.of(d.pk())).getOrDefault(d.pk(), List.of())));
    }

    public boolean replay(long deliveryPk) {
        var delivery = deliveries.find(deliveryPk).orElse(null);
        if (delivery == null) {
            return false;
        }
        deliveries.requeue(deliveryPk, clock.millis());
        signals.wakeDeliveries(delivery.mode());
        return true;
    }
}
