package dev.larkspur.event;

import dev.larkspur.directory.AppService;
import dev.larkspur.event.internal.DeliveryRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a delivery goes out, whatever the transport: claim due deliveries under a lease,
 * render each event for its app, push it through the {@link DeliveryTransport}, and record the
 * attempt; a failure climbs Feishu's retry ladder. Every attempt is recorded, so the inspector and
 * replay work alike for every mode. The lease outlasts a push (a push is bounded at 3 s), so a
 * crash only delays a delivery, and a push still running is never claimed again. Each app has its
 * own share of the pushes in flight ({@link AppShares}), so that a receiver that stalls or never
 * ACKs holds up only its own events; an app may go over its share while no other app waits.
 */
public class DeliveryPipeline {
    private final DeliveryTransport transport;
    private final DeliveryRepository deliveries;
    private final EventRenderer renderer;
    private final EventSettingsService settings;
    private final AppService apps;
    private final TransactionTemplate tx;
    private final EventMeter meter;
    private final EventMetrics metrics;
    private final DeliveryFaults faults;
    private final RetryLadder ladder;
    private final long leaseMillis;
    private final Clock clock;
    private final AppShares shares;

    DeliveryPipeline(DeliveryTransport transport, DeliveryParts parts) {
        this.transport = transport;
        this.deliveries = parts.deliveries();
        this.renderer = parts.renderer();
        this.settings = parts.settings();
        this.apps = parts.apps();
        this.tx = parts.tx();
        this.meter = parts.meter();
        this.metrics = parts.metrics();
        this.faults = parts.faults();
        this.ladder = new RetryLadder(parts.props().events().retryFactor());
        this.leaseMillis = parts.props().events().leaseMillis();
        this.clock = parts.clock();
        this.shares = new AppShares(
                parts.props().events().appShare(), parts.props().events().senders());
    }

    public String mode() {
        return transport.mode();
    }

    /**
     * Claims up to {@code limit} due deliveries, leased while they are in flight: first those of the
     * transport's preferred apps (for long connections, the apps connected to this instance); then
     * those due for longer than its grace, which another instance would have taken if it could.
     * Apps at their share are skipped; only when that leaves places unused (no other app is waiting)
     * do they take more ({@link AppShares#takeExtra}). What a claim took beyond the places it may
     * use is given back at once, due as it was. Each delivery returned must be {@link #send sent}.
     */
    public List<Delivery> claim(int limit) {
        long now = clock.millis();
        long lease = now + leaseMillis;
        var full = shares.full();
        var claimed = claimDue(List.of(), full, now, lease, limit);
        boolean nobodyWaits = claimed.size() < limit;
        var kept = new ArrayList<Delivery>();
        var over = new ArrayList<Delivery>();
        for (var delivery : claimed) {
            boolean placed = shares.take(delivery.appPk()) || (nobodyWaits && shares.takeExtra(delivery.appPk()));
            (placed ? kept : over).add(delivery);
        }
        int room = Math.min(limit - kept.size(), shares.spare());
        if (nobodyWaits && !full.isEmpty() && room > 0) {
            for (var delivery : claimDue(full, List.of(), now, lease, room)) {
                (shares.takeExtra(delivery.appPk()) ? kept : over).add(delivery);
            }
        }
        if (!over.isEmpty()) {
            tx.executeWithoutResult(s -> deliveries.release(over));
        }
        return kept;
    }

    /** Due deliveries of {@code only} (empty: of every app) but those of {@code skip}, leased. */
    private List<Delivery> claimDue(List<Long> only, List<Long> skip, long now, long lease, int limit) {
        String mode = transport.mode();
        var preferred = transport.preferredApps().stream()
                .filter(app -> !skip.contains(app) && (only.isEmpty() || only.contains(app)))
                .toList();
        long grace = transport.unclaimedGrace().toMillis();
        var claimed = tx.execute(s -> {
            var due = new ArrayList<>(deliveries.claimDueFor(mode, preferred, skip, now, lease, limit));
            if (due.size() < limit) {
                due.addAll(
                        only.isEmpty()
                                ? deliveries.claimDue(mode, skip, now - grace, lease, limit - due.size())
                                : deliveries.claimDueFor(mode, only, skip, now - grace, lease, limit - due.size()));
            }
            return due;
        });
        return claimed == null ? List.of() : claimed;
    }

    /** One attempt at one claimed delivery, and its bookkeeping; gives its app's place back. */
    public void send(Delivery delivery) {
        try {
            record(delivery, push(delivery));
        } finally {
            shares.give(delivery.appPk());
        }
    }

    private PushOutcome push(Delivery delivery) {
        var event = deliveries.event(delivery.eventPk()).orElse(null);
        var app = apps.findByPk(delivery.appPk()).orElse(null);
        if (event == null || app == null) {
            return PushOutcome.notSent("the event or the app no longer exists");
        }
        var config = settings.find(app.pk()).orElse(null);
        var envelope = renderer.render(event, app, config == null ? null : config.verificationToken());
        var push = new DeliveryTransport.Push(event, app, config, envelope);
        return faults.push(app.pk(), () -> transport.push(push), PushOutcome::notSent);
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
        metrics.attempted(
                transport.mode(),
                attempt.attempt(),
                outcome.ok(),
                !outcome.ok() && attempt.retryAt() == null,
                outcome.latencyMs(),
                attempt.at() - delivery.createdAt());
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
