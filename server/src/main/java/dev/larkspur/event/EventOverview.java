package dev.larkspur.event;

import dev.larkspur.directory.AppService;
import dev.larkspur.event.internal.DeliveryRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Whether events keep up, for the console's overview and {@code GET /admin/v1/overview}: this
 * instance's rates ({@link EventMeter}) and long connections, and from the database, for every
 * instance, the fan-out backlog and the deliveries that are failing.
 */
@Service
public class EventOverview {
    /** Failing deliveries are counted up to this many; more shows as this number. */
    public static final long FAILING_CAP = 10_000;

    private final EventMeter meter;
    private final Outbox outbox;
    private final DeliveryRepository deliveries;
    private final LongConnections connections;
    private final AppService apps;

    EventOverview(
            EventMeter meter,
            Outbox outbox,
            DeliveryRepository deliveries,
            LongConnections connections,
            AppService apps) {
        this.meter = meter;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.connections = connections;
        this.apps = apps;
    }

    /** An app with live long connections to this instance, and how many. */
    public record AppConnections(String appId, String name, int connections) {}

    /** A failed push, with its app named. */
    public record LastError(
            long at, long deliveryPk, String appId, String eventType, int attempt, Integer statusCode, String error) {}

    public record Overview(
            int windowSeconds,
            EventMeter.Snapshot rates,
            long backlog,
            long retrying,
            long failed,
            List<AppConnections> connections,
            List<LastError> lastErrors) {}

    public Overview now() {
        var rates = meter.snapshot();
        long[] failing = deliveries.failing(FAILING_CAP);
        var connected = connections.connectedApps().stream()
                .map(pk -> apps.findByPk(pk)
                        .map(a -> new AppConnections(a.appId(), a.name(), connections.count(pk)))
                        .orElse(null))
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(AppConnections::appId))
                .toList();
        var appIds = apps.appIds(rates.lastErrors().stream()
                .map(EventMeter.FailedAttempt::appPk)
                .distinct()
                .toList());
        var errors = rates.lastErrors().stream()
                .map(e -> new LastError(
                        e.at(),
                        e.deliveryPk(),
                        appIds.getOrDefault(e.appPk(), "?"),
                        e.eventType(),
                        e.attempt(),
                        e.statusCode(),
                        e.error()))
                .toList();
        return new Overview(
                EventMeter.WINDOW_SECONDS, rates, outbox.backlog(), failing[0], failing[1], connected, errors);
    }
}
