package dev.larkspur.metrics;

import dev.larkspur.event.EventMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The event pipeline's counters and histograms, per event type or delivery mode. */
class EventMeters implements EventMetrics {
    private final MeterRegistry registry;
    private final Counter fannedOut;
    private final Map<String, Counter> recorded = new ConcurrentHashMap<>();
    private final Map<String, ModeMeters> modes = new ConcurrentHashMap<>();

    EventMeters(MeterRegistry registry) {
        this.registry = registry;
        this.fannedOut = Counter.builder("larkspur.events.fanned.out")
                .description("Deliveries created by the fan-out, one per event and receiving app")
                .register(registry);
    }

    /** The meters of one delivery mode, made once. */
    private record ModeMeters(
            Counter delivered, Counter failedAttempts, Counter retries, Counter gaveUp, Timer latency, Timer push) {}

    @Override
    public void recorded(String eventType) {
        recorded.computeIfAbsent(eventType, type -> Counter.builder("larkspur.events.recorded")
                        .description("Events appended to the outbox, by type")
                        .tag("event_type", type)
                        .register(registry))
                .increment();
    }

    @Override
    public void fannedOut(int deliveries) {
        if (deliveries > 0) {
            fannedOut.increment(deliveries);
        }
    }

    @Override
    public void attempted(
            String mode, int attempt, boolean delivered, boolean gaveUp, long pushMs, long sinceCreatedMs) {
        var m = modes.computeIfAbsent(mode, this::meters);
        m.push().record(pushMs, TimeUnit.MILLISECONDS);
        if (attempt > 1) {
            m.retries().increment();
        }
        if (delivered) {
            m.delivered().increment();
            m.latency().record(Math.max(0, sinceCreatedMs), TimeUnit.MILLISECONDS);
        } else {
            m.failedAttempts().increment();
            if (gaveUp) {
                m.gaveUp().increment();
            }
        }
    }

    private ModeMeters meters(String mode) {
        return new ModeMeters(
                counter("larkspur.events.delivered", "Deliveries the bot took", mode),
                counter("larkspur.events.attempts.failed", "Push attempts that failed (they are retried)", mode),
                counter("larkspur.events.retries", "Push attempts after the first", mode),
                counter("larkspur.events.failed", "Deliveries given up after the last retry", mode),
                Timer.builder("larkspur.events.delivery.latency")
                        .description("From the delivery's creation to the bot taking it")
                        .tag("mode", mode)
                        .publishPercentileHistogram()
                        .maximumExpectedValue(Duration.ofHours(1))
                        .register(registry),
                Timer.builder("larkspur.events.push")
                        .description("One push attempt, until the bot's answer or the time limit")
                        .tag("mode", mode)
                        .publishPercentileHistogram()
                        .maximumExpectedValue(Duration.ofSeconds(10))
                        .register(registry));
    }

    private Counter counter(String name, String description, String mode) {
        return Counter.builder(name).description(description).tag("mode", mode).register(registry);
    }
}
