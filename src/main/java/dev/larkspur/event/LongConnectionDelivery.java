package dev.larkspur.event;

import dev.larkspur.directory.AppService;
import dev.larkspur.event.internal.DeliveryRepository;
import dev.larkspur.platform.LarkspurProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes due deliveries of apps in long-connection mode: the rendered envelope, unencrypted, to one
 * live connection, then waits for the ACK. A failed ACK, none within 3 s, or no live connection
 * ("app not online") climbs the same retry ladder as callbacks, with every attempt recorded, so
 * the inspector and replay work alike for both modes.
 */
@Component
public class LongConnectionDelivery {
    static final Duration UNCLAIMED_GRACE = Duration.ofSeconds(5);
    private final DeliveryRepository deliveries;
    private final EventRenderer renderer;
    private final EventSettingsService settings;
    private final AppService apps;
    private final LongConnectionPush push;
    private final DeliveryFaults faults;
    private final EventMetrics metrics;
    private final LongConnections connections;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final RetryLadder ladder;
    private final long leaseMillis;
    private final Clock clock;

    LongConnectionDelivery(
            DeliveryRepository deliveries,
            EventRenderer renderer,
            EventSettingsService settings,
            AppService apps,
            LongConnectionPush push,
            DeliveryFaults faults,
            EventMetrics metrics,
            LongConnections connections,
            JsonMapper json,
            TransactionTemplate tx,
            LarkspurProperties props,
            Clock clock) {
        this.deliveries = deliveries;
        this.renderer = renderer;
        this.settings = settings;
        this.apps = apps;
        this.push = push;
        this.faults = faults;
        this.metrics = metrics;
        this.connections = connections;
        this.json = json;
        this.tx = tx;
        this.ladder = new RetryLadder(props.events().retryFactor());
        this.leaseMillis = props.events().leaseMillis();
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} due deliveries, leased while they are in flight: first those of
     * apps connected to this instance; then those nobody has taken for {@link #UNCLAIMED_GRACE},
     * which no instance can deliver (the app is not online) and so are recorded as failed attempts.
     * Instances wake each other on new deliveries, so the instance holding an app's connection
     * claims its events first.
     */
    public List<Delivery> claim(int limit) {
        long now = clock.millis();
        long lease = now + leaseMillis;
        var claimed = tx.execute(s -> {
            var local = new ArrayList<>(
                    deliveries.claimDueFor(EventSettings.WEBSOCKET, connections.connectedApps(), now, lease, limit));
            if (local.size() < limit) {
                local.addAll(deliveries.claimDue(
                        EventSettings.WEBSOCKET, now - UNCLAIMED_GRACE.toMillis(), lease, limit - local.size()));
            }
            return local;
        });
        return claimed == null ? List.of() : claimed;
    }

    /** One attempt at one delivery, and its bookkeeping. */
    public void send(Delivery delivery) {
        var event = deliveries.event(delivery.eventPk()).orElse(null);
        var app = apps.findByPk(delivery.appPk()).orElse(null);
        LongConnectionPush.Outcome outcome;
        if (event == null || app == null) {
            outcome = new LongConnectionPush.Outcome(null, null, 0, "the event or the app no longer exists");
        } else {
            String token = settings.find(app.pk())
                    .map(EventSettings::verificationToken)
                    .orElse(null);
            byte[] payload = json.writeValueAsBytes(renderer.render(event, app, token));
            outcome = faults.push(
                    app.pk(),
                    () -> push.push(app.pk(), event.eventId(), payload),
                    dropped -> new LongConnectionPush.Outcome(null, null, 0, dropped));
        }
        record(delivery, outcome);
    }

    private void record(Delivery delivery, LongConnectionPush.Outcome outcome) {
        long now = clock.millis();
        int attempt = delivery.attempts() + 1;
        tx.executeWithoutResult(s -> {
            deliveries.recordAttempt(delivery.pk(), attempt, now, outcome.code(), outcome.latencyMs(), outcome.error());
            if (outcome.ok()) {
                deliveries.succeeded(delivery.pk(), attempt, outcome.code(), outcome.latencyMs(), now);
            } else {
                deliveries.failed(
                        delivery.pk(),
                        attempt,
                        outcome.code(),
                        outcome.error(),
                        outcome.latencyMs(),
                        ladder.next(attempt, now));
            }
        });
        metrics.attempted(
                EventSettings.WEBSOCKET,
                attempt,
                outcome.ok(),
                !outcome.ok() && ladder.next(attempt, now) == null,
                outcome.latencyMs(),
                now - delivery.createdAt());
    }
}
