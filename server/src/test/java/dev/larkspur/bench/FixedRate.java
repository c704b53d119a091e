package dev.larkspur.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load: requests fall due on a fixed schedule whatever the answers do, and each one's
 * latency counts from the moment it was due, so a stall shows in the percentiles instead of
 * quietly slowing the sender down (no coordinated omission). At most {@link #CONNECTIONS} requests
 * are on the wire at once; the rest wait in the generator's queue, and that wait is part of their
 * latency, as it would be for a client behind a queue. What the generator itself adds is kept
 * apart: how late its schedule ran (lag), and requests it never sent (drops) because the server had
 * not drained the queue within {@link #GRACE} of the last one's due time.
 */
final class FixedRate {
    /** How many requests may be on the wire at once (each on its own HTTP/1.1 connection). */
    static final int CONNECTIONS = 256;

    /** How long after the last request was due the generator waits before giving up on the rest. */
    static final Duration GRACE = Duration.ofSeconds(30);

    /** A schedule that ran later than this at its 99th percentile was more than the generator could offer. */
    static final double SUSTAINED_LAG_MS = 5;

    /**
     * What one open-loop run saw. {@code latency} holds the answered requests (its errors are the
     * server's failures: not HTTP 200 with code 0, or a broken connection); {@code drops} were never
     * sent; {@code loadAverage} is the machine's when the run began; {@code lagP99Ms} is how late the generator's schedule ran.
     */
    record Result(
            int offeredPerSecond,
            double loadAverage,
            long due,
            long drops,
            long serverFailures,
            double lagP99Ms,
            Latency latency) {
        boolean sustained() {
            return lagP99Ms <= SUSTAINED_LAG_MS;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** As {@link #measure}, as one latency whose errors are failures and drops together. */
    Latency run(int perSecond, Duration duration, LongFunction<HttpRequest> request) {
        var result = measure(perSecond, duration, request);
        var latency = result.latency();
        return new Latency(
                latency.requests(),
                result.serverFailures() + result.drops(),
                latency.perSecond(),
                latency.percentilesMs());
    }

    /** Offers {@code perSecond} requests a second for {@code duration}; the n-th request is {@code request(n)}. */
    Result measure(int perSecond, Duration duration, LongFunction<HttpRequest> request) {
        double load = Cpu.loadAverage();
        var run = new Run(request);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long total = Math.max(1, duration.toSeconds() * perSecond);
        var lag = new Histogram(3);
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long due = start + n * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            lag.recordValue((System.nanoTime() - due) / 1000);
            run.offer(n, due);
        }
        long giveUp = start + (total - 1) * interval + GRACE.toNanos();
        while (run.finished.get() + run.queue.size() < total && System.nanoTime() < giveUp) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        long drops = 0;
        while (run.queue.poll() != null) {
            drops++;
        }
        // What is still on the wire after the grace counts as failed: the server never answered it.
        long unanswered = total - drops - run.finished.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long failures = run.failures.get() + unanswered;
        Latency latency;
        synchronized (run.histogram) {
            latency = Latency.of(run.histogram, failures, seconds);
        }
        return new Result(perSecond, load, total, drops, failures, lag.getValueAtPercentile(99) / 1000.0, latency);
    }

    /** One run's queue, connections and answers. */
    private final class Run {
        final LongFunction<HttpRequest> request;
        final Histogram histogram = new Histogram(3);
        final AtomicLong failures = new AtomicLong();
        final AtomicLong finished = new AtomicLong();
        final ConcurrentLinkedQueue<long[]> queue = new ConcurrentLinkedQueue<>();
        final Semaphore wire = new Semaphore(CONNECTIONS);

        Run(LongFunction<HttpRequest> request) {
            this.request = request;
        }

        void offer(long n, long due) {
            queue.add(new long[] {n, due});
            dispatch();
        }

        /** Sends queued requests while connections are free; called on every offer and every answer. */
        void dispatch() {
            while (!queue.isEmpty() && wire.tryAcquire()) {
                long[] next = queue.poll();
                if (next == null) {
                    wire.release();
                    continue;
                }
                long due = next[1];
                http.sendAsync(request.apply(next[0]), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> {
                            long micros = (System.nanoTime() - due) / 1000;
                            boolean ok = failure == null
                                    && response.statusCode() == 200
                                    && response.body().contains("\"code\":0");
                            if (ok) {
                                synchronized (histogram) {
                                    histogram.recordValue(micros);
                                }
                            } else {
                                failures.incrementAndGet();
                            }
                            finished.incrementAndGet();
                            wire.release();
                            dispatch();
                        });
            }
        }
    }
}
