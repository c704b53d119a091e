package dev.larkspur.event;

import dev.larkspur.directory.AppService;
import dev.larkspur.event.internal.DeliveryRepository;
import dev.larkspur.platform.LarkspurProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a delivery goes out, whatever the transport: claim due deliveries under a lease,
 * render each event for its app, push it through the {@link DeliveryTransport}, and record the
 * attempt; a failure climbs Feishu's retry ladder. Every attempt is recorded, so the inspector and
 * replay work alike for every mode. The lease outlasts a push, so a crash only delays a delivery.
 */
public class DeliveryPipeline {
    private final DeliveryTransport transport;
    private final DeliveryRepository deliveries;
    private final EventRenderer renderer;
    private final EventSettingsService settings;
    private final AppService apps;
    private final TransactionTemplate tx;
    private final EventMeter meter;
    private final RetryLadder ladder;
    private final long leaseMillis;
    private final Clock clock;

    DeliveryPipeline(
            DeliveryTransport transport,
            DeliveryRepository deliveries,
            EventRenderer renderer,
            EventSettingsService settings,
            AppService apps,
            TransactionTemplate tx,
            EventMeter meter,
            LarkspurProperties props,
            Clock clock) {
        this.transport = transport;
        this.deliveries = deliveries;
        this.renderer = renderer;
        this.settings = settings;
        this.apps = apps;
        this.tx = tx;
        this.meter = meter;
        this.ladder = new RetryLadder(props.events().retryFactor());
        this.leaseMillis = props.events().leaseMillis();
        this.clock = clock;
    }

    public String mode() {
        return transport.mode();
    }

    /**
     * Claims up to {@code limit} due deliveries, leased while they are in flight: first those of the
     * transport's preferred apps (for long connections, the apps connected to this instance); then
     * those due for longer than its grace, which another instance would have taken if it could.
     */
    public List<Delivery> claim(int limit) {
        long now = clock.millis();
        long lease = now + leaseMillis;
        String mode = transport.mode();
        var preferred = transport.preferredApps();
        var claimed = tx.execute(s -> {
            var due = new ArrayList<>(deliveries.claimDueFor(mode, preferred, now, lease, limit));
            if (due.size() < limit) {
                long grace = transport.unclaimedGrace().toMillis();
                due.addAll(deliveries.claimDue(mode, now - grace, lease, limit - due.size()));
            }
            return due;
        });
        return claimed == null ? List.of() : claimed;
    }

    /** One attempt at one delivery, and its bookkeeping. */
    public void send(Delivery delivery) {
        record(delivery, push(delivery));
    }

    private PushOutcome push(Delivery delivery) {
        var event = deliveries.event(delivery.eventPk()).orElse(null);
        var app = apps.findByPk(delivery.appPk()).orElse(null);
        if (event == null || app == null) {
            return PushOutcome.notSent("the event or the app no longer exists");
        }
        var config = settings.find(app.pk()).orElse(null);
        var envelope = renderer.render(event, app, config == null ? null : config.verificationToken());
        return transport.push(new DeliveryTransport.Push(event, app, config, envelope));
    }

    private void record(Delivery delivery, PushOutcome outcome) {
        var attempt = AttemptRecord.of(delivery, outcome, ladder, clock.millis());
        tx.executeWithoutResult(s -> {
            deliveries.recordAttempt(
                    delivery.pk(),
                    attempt.attempt(),
                    attempt.at(),
                    outcome.status(),
                    outcome.latencyMs(),
                    outcome.error());
            if (outcome.ok()) {
                deliveries.succeeded(
                        delivery.pk(), attempt.attempt(), outcome.status(), outcome.latencyMs(), attempt.at());
            } else {
                deliveries.failed(
                        delivery.pk(),
                        attempt.attempt(),
                        outcome.status(),
                        outcome.error(),
                        outcome.latencyMs(),
                        attempt.retryAt());
            }
        });
        if (outcome.ok()) {
            meter.delivered();
        } else {
            meter.failed(new EventMeter.FailedAttempt(
                    attempt.at(),
                    delivery.pk(),
                    delivery.appPk(),
                    delivery.eventType(),
                    attempt.attempt(),
                    outcome.status(),
                    outcome.error()));
        }
    }
}
