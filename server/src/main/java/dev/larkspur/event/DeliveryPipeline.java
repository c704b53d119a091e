package dev.larkspur.event;

import dev.larkspur.event.internal.DeliveryRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a delivery goes out, whatever the transport: claim due deliveries under a lease,
 * render each event for its app, push it through the {@link DeliveryTransport} (many pushes in
 * flight, none holding a thread), and record the attempts that finish together in one transaction
 * ({@link AttemptRecorder}); a failure climbs Feishu's retry ladder. Every attempt is recorded, so the inspector and
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
    private final EventApps apps;
    private static final Logger log = LoggerFactory.getLogger(DeliveryPipeline.class);
    private final TransactionTemplate tx;
    private final DeliveryFaults faults;
    private final long leaseMillis;
    private final Clock clock;
    private final AppShares shares;
    private final AttemptRecorder recorder;
    private final EventSignals signals;
    private final long pollMillis;
    /**
     * When the fair claim last found nothing, and the apps it left out then; null after it found
     * work. Only the mode's one dispatch loop claims, so it needs no lock.
     */
    private Nothing nothing;

    private record Nothing(long at, List<Long> skipped) {}

    DeliveryPipeline(DeliveryTransport transport, DeliveryParts parts) {
        this.transport = transport;
        this.deliveries = parts.deliveries();
        this.renderer = parts.renderer();
        this.settings = parts.settings();
        this.apps = parts.apps();
        this.tx = parts.tx();
        this.faults = parts.faults();
        this.leaseMillis = parts.props().events().leaseMillis();
        this.clock = parts.clock();
        this.shares = new AppShares(
                parts.props().events().appShare(), parts.props().events().senders());
        this.recorder = new AttemptRecorder(transport.mode(), parts);
        this.signals = parts.signals();
        this.pollMillis = parts.props().events().pollMillis();
    }

    public String mode() {
        return transport.mode();
    }

    /**
     * Claims up to {@code limit} due deliveries, leased while they are in flight: first those of the
     * transport's preferred apps (for long connections, the apps connected to this instance); then
     * those due for longer than its grace, which another instance would have taken if it could.
     * Apps at their share are skipped; only when that leaves places unused (no other app is waiting)
     * do they take more ({@link AppShares#takeExtra}). Rows are picked and locked first and only
     * those given a place are leased, in the same transaction; the rest stay due as they were. (They
     * were leased and then given back one update each before: 13,154 deliveries in the bench's
     * long-connection step on PostgreSQL, for 20,000 delivered, whenever the one app with a backlog
     * was below its share and a claim took every free place's worth of its deliveries.) Each
     * delivery returned must be {@link #send sent}.
     */
    public List<Delivery> claim(int limit) {
        var fresh = signals.takeFresh(transport.mode());
        long now = clock.millis();
        long lease = now + leaseMillis;
        var full = shares.full();
        boolean idle = othersKnownIdle(full, now, fresh);
        var kept = new ArrayList<Delivery>();
        try {
            tx.executeWithoutResult(s -> {
                var picked = idle ? List.<Delivery>of() : pickDue(List.of(), full, now, limit);
                if (!idle) {
                    nothing = picked.isEmpty() && !full.isEmpty() ? new Nothing(now, full) : null;
                }
                boolean nobodyWaits = picked.size() < limit;
                for (var delivery : picked) {
                    if (shares.take(delivery.appPk()) || (nobodyWaits && shares.takeExtra(delivery.appPk()))) {
                        kept.add(delivery);
                    }
                }
                int room = Math.min(limit - kept.size(), shares.spare());
                if (nobodyWaits && !full.isEmpty() && room > 0) {
                    for (var delivery : pickDue(full, List.of(), now, room)) {
                        if (shares.takeExtra(delivery.appPk())) {
                            kept.add(delivery);
                        }
                    }
                }
                deliveries.lease(kept, lease);
            });
        } catch (RuntimeException e) {
            kept.forEach(delivery -> shares.give(delivery.appPk()));
            throw e;
        }
        return kept;
    }

    /**
     * Whether the fair claim, leaving out the apps at their share, is known to find nothing: it found
     * nothing when it left out no more than these, no delivery was made due since (fan-out, replay,
     * another instance's word) but to apps it leaves out now, and less than a poll interval has
     * passed (a retry or a lease comes due with time). Without this, while one app's backlog waited
     * beyond its share, every place that came back cost a walk past all of that backlog, looking for
     * other apps' deliveries: a few milliseconds each with 20,000 waiting, which held a single app's
     * delivery to a few hundred a second on both databases. New deliveries to that same app did not
     * count against it at first, and while sends went on, the walk, finding nothing, cost 2.4 ms a
     * claim and 2,881 claims in the bench's two delivery steps on PostgreSQL (December 2026).
     */
    private boolean othersKnownIdle(List<Long> full, long now, EventSignals.Fresh fresh) {
        var last = nothing;
        return last != null
                && !full.isEmpty()
                && full.containsAll(last.skipped())
                && !fresh.unknown()
                && full.containsAll(fresh.apps())
                && now - last.at() < pollMillis;
    }

    /**
     * Due deliveries of {@code only} (empty: of every app) but those of {@code skip}, locked in the
     * caller's transaction.
     */
    private List<Delivery> pickDue(List<Long> only, List<Long> skip, long now, int limit) {
        String mode = transport.mode();
        var preferred = transport.preferredApps().stream()
                .filter(app -> !skip.contains(app) && (only.isEmpty() || only.contains(app)))
                .toList();
        long grace = transport.unclaimedGrace().toMillis();
        var due = new ArrayList<>(deliveries.pickDueFor(mode, preferred, skip, now, limit));
        if (due.size() < limit) {
            // The preferred apps' due deliveries are all picked already. Left out by key, not by
            // a lease (nothing is leased yet), and locked rows of this transaction are not skipped.
            var others = new ArrayList<>(skip);
            others.addAll(preferred);
            due.addAll(
                    only.isEmpty()
                            ? deliveries.pickDue(mode, others, now - grace, limit - due.size())
                            : deliveries.pickDueFor(mode, only, others, now - grace, limit - due.size()));
        }
        return due;
    }

    /**
     * Starts one attempt at each claimed delivery, their events read in one query: each push is
     * prepared (its app, settings and envelope) on {@code preparers} and then runs without a
     * thread; its outcome is recorded with others that finished at the same time ({@link
     * #recordFinished}), then its app's place is given back and {@code released} runs.
     */
    public void send(List<Delivery> claimed, Executor preparers, Runnable released) {
        Map<Long, StoredEvent> events;
        try {
            events = deliveries.events(
                    claimed.stream().map(Delivery::eventPk).distinct().toList());
        } catch (RuntimeException e) {
            claimed.forEach(d -> done(d, released));
            throw e;
        }
        for (var delivery : claimed) {
            try {
                preparers.execute(() -> start(delivery, events.get(delivery.eventPk()), released));
            } catch (RejectedExecutionException e) {
                done(delivery, released);
            }
        }
    }

    /** Records the attempts that have finished, waiting up to {@code waitMillis} for one. */
    public int recordFinished(long waitMillis) throws InterruptedException {
        return recorder.recordFinished(waitMillis);
    }

    private void start(Delivery delivery, StoredEvent event, Runnable released) {
        CompletableFuture<PushOutcome> push;
        try {
            push = push(delivery, event);
        } catch (RuntimeException e) {
            log.warn("delivery {} failed unexpectedly; it will be retried after its lease", delivery.pk(), e);
            done(delivery, released);
            return;
        }
        push.whenComplete((outcome, error) -> {
            if (outcome == null) {
                log.warn("delivery {} failed unexpectedly; it will be retried after its lease", delivery.pk(), error);
                done(delivery, released);
            } else {
                recorder.finished(delivery, outcome, () -> done(delivery, released));
            }
        });
    }

    private void done(Delivery delivery, Runnable released) {
        shares.give(delivery.appPk());
        released.run();
    }

    private CompletableFuture<PushOutcome> push(Delivery delivery, StoredEvent event) {
        var app = apps.findByPk(delivery.appPk()).orElse(null);
        if (event == null || app == null) {
            return CompletableFuture.completedFuture(PushOutcome.notSent("the event or the app no longer exists"));
        }
        var config = settings.recent(app.pk()).orElse(null);
        var envelope = renderer.render(event, app, config == null ? null : config.verificationToken());
        var push = new DeliveryTransport.Push(event, app, config, envelope);
        return faults.push(
                app.pk(),
                () -> transport.pushAsync(push),
                reason -> CompletableFuture.completedFuture(PushOutcome.notSent(reason)));
    }
}
