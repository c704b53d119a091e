package dev.larkspur.event;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What this instance's event machinery did in the last seconds: events recorded (committed),
 * deliveries made by fan-out, pushes delivered and failed, counted in one-second buckets, and the
 * last failed attempts. Held in memory rather than counted from the tables, so that measuring costs
 * the hot path no index and no query: each instance reports its own work. The one place the event
 * pipeline counts: each site makes one call here, which also feeds the {@link EventMetrics} port
 * (Micrometer, when metrics are on), so the overview and the metrics count the same events.
 */
@Component
public class EventMeter {
    /** The rates are averages over this many seconds. */
    public static final int WINDOW_SECONDS = 10;

    static final int LAST_ERRORS = 10;
    private static final int RECORDED = 0;
    private static final int FANNED_OUT = 1;
    private static final int DELIVERED = 2;
    private static final int FAILED = 3;

    private final Clock clock;
    private final EventMetrics metrics;
    private final long[] bucketSecond = new long[WINDOW_SECONDS];
    private final long[][] buckets = new long[WINDOW_SECONDS][4];
    private final long[] totals = new long[4];
    private final ArrayDeque<FailedAttempt> lastErrors = new ArrayDeque<>();

    EventMeter(Clock clock, EventMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A push that did not succeed, newest first in {@link Snapshot#lastErrors()}. */
    public record FailedAttempt(
            long at, long deliveryPk, long appPk, String eventType, int attempt, Integer statusCode, String error) {}

    /** Per-second rates over the window, totals since the instance started, and the last errors. */
    public record Snapshot(
            double recordedPerSecond,
            double fannedOutPerSecond,
            double deliveredPerSecond,
            double failedPerSecond,
            long recordedTotal,
            long fannedOutTotal,
            long deliveredTotal,
            long failedTotal,
            List<FailedAttempt> lastErrors) {}

    /** Events of these types were committed (the server's own signals are not counted). */
    void recorded(List<String> eventTypes) {
        eventTypes.forEach(metrics::recorded);
        recorded(eventTypes.size());
    }

    /** One attempt at a delivery was recorded. */
    void attempted(String mode, Delivery delivery, AttemptRecord attempt) {
        var outcome = attempt.outcome();
        metrics.attempted(
                mode,
                attempt.attempt(),
                outcome.ok(),
                !outcome.ok() && attempt.retryAt() == null,
                outcome.latencyMs(),
                attempt.at() - delivery.createdAt());
        if (outcome.ok()) {
            delivered();
        } else {
            failed(new FailedAttempt(
                    attempt.at(),
                    delivery.pk(),
                    delivery.appPk(),
                    delivery.eventType(),
                    attempt.attempt(),
                    outcome.status(),
                    outcome.error()));
        }
    }

    void recorded(int events) {
        add(RECORDED, events);
    }

    /** Fan-out committed this many new deliveries. */
    void fannedOut(int deliveries) {
        metrics.fannedOut(deliveries);
        add(FANNED_OUT, deliveries);
    }

    void delivered() {
        add(DELIVERED, 1);
    }

    synchronized void failed(FailedAttempt attempt) {
        add(FAILED, 1);
        lastErrors.addFirst(attempt);
        while (lastErrors.size() > LAST_ERRORS) {
            lastErrors.removeLast();
        }
    }

    public synchronized Snapshot snapshot() {
        long now = clock.millis() / 1000;
        long[] window = new long[4];
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (now - bucketSecond[i] < WINDOW_SECONDS) {
                for (int k = 0; k < 4; k++) {
                    window[k] += buckets[i][k];
                }
            }
        }
        return new Snapshot(
                (double) window[RECORDED] / WINDOW_SECONDS,
                (double) window[FANNED_OUT] / WINDOW_SECONDS,
                (double) window[DELIVERED] / WINDOW_SECONDS,
                (double) window[FAILED] / WINDOW_SECONDS,
                totals[RECORDED],
                totals[FANNED_OUT],
                totals[DELIVERED],
                totals[FAILED],
                List.copyOf(lastErrors));
    }

    private synchronized void add(int counter, long n) {
        if (n <= 0) {
            return;
        }
        long second = clock.millis() / 1000;
        int i = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
        if (bucketSecond[i] != second) {
            bucketSecond[i] = second;
            buckets[i] = new long[4];
        }
        buckets[i][counter] += n;
        totals[counter] += n;
    }
}
