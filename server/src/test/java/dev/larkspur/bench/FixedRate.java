package dev.larkspur.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load: requests start on a fixed schedule whatever the answers do, and each one's
 * latency counts from the moment it was due, so a stall shows in the percentiles instead of
 * quietly slowing the sender down (no coordinated omission).
 */
final class FixedRate {
    /**
     * Beyond this many unanswered requests the server is not keeping up; later requests are counted
     * as failed instead of piling up without end (and slowing every step after this one).
     */
    static final int MAX_IN_FLIGHT = 512;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Sends {@code perSecond} requests a second for {@code duration}; the n-th request is {@code request(n)}. */
    Latency run(int perSecond, Duration duration, LongFunction<HttpRequest> request) {
        var histogram = new Histogram(3);
        var errors = new AtomicLong();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long total = duration.toSeconds() * perSecond;
        var pending = new ArrayList<CompletableFuture<?>>();
        var inFlight = new Semaphore(MAX_IN_FLIGHT);
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long due = start + n * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                errors.incrementAndGet();
                continue;
            }
            pending.add(http.sendAsync(request.apply(n), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        inFlight.release();
                        long micros = (System.nanoTime() - due) / 1000;
                        boolean ok = failure == null
                                && response.statusCode() == 200
                                && response.body().contains("\"code\":0");
                        if (ok) {
                            synchronized (histogram) {
                                histogram.recordValue(micros);
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
        double seconds = (System.nanoTime() - start) / 1e9;
        return Latency.of(histogram, errors.get(), seconds);
    }
}
