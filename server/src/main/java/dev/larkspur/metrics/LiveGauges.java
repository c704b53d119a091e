package dev.larkspur.metrics;

import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.event.DeliveryBacklog;
import dev.larkspur.event.LongConnections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Gauges that need a query: the delivery backlog and the age of its oldest delivery per mode, and
 * live long connections per app. A background thread refreshes them, so that a scrape never waits
 * on the database and a busy scraper cannot load it.
 */
@Component
class LiveGauges implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LiveGauges.class);
    private final DeliveryBacklog backlog;
    private final LongConnections connections;
    private final AppService apps;
    private final Clock clock;
    private final long refreshMillis;
    private final boolean enabled;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> oldestAgeSeconds = new ConcurrentHashMap<>();
    private final MultiGauge connectionsPerApp;
    private final Map<Long, String> appIds = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService refresher;

    LiveGauges(
            DeliveryBacklog backlog,
            LongConnections connections,
            AppService apps,
            Clock clock,
            MeterRegistry registry,
            @Value("${larkspur.metrics.refresh-millis:5000}") long refreshMillis,
            @Value("${larkspur.metrics.enabled:true}") boolean enabled) {
        this.backlog = backlog;
        this.connections = connections;
        this.apps = apps;
        this.clock = clock;
        this.registry = registry;
        this.refreshMillis = refreshMillis;
        this.enabled = enabled;
        this.connectionsPerApp = MultiGauge.builder("larkspur.long.connections")
                .description("Live long connections to this instance, per app")
                .register(registry);
    }

    void refresh() {
        long now = clock.millis();
        for (var b : backlog.now()) {
            gauge(pending, "larkspur.events.backlog", "Deliveries pending (not yet delivered nor given up)", b.mode())
                    .set(b.pending());
            gauge(
                            oldestAgeSeconds,
                            "larkspur.events.oldest.undelivered.age.seconds",
                            "Age of the oldest pending delivery, 0 when none",
                            b.mode())
                    .set(b.oldestCreatedAt() == null ? 0 : Math.max(0, (now - b.oldestCreatedAt()) / 1000));
        }
        var rows = connections.connectedApps().stream()
                .map(appPk -> MultiGauge.Row.of(
                        Tags.of("app_id", appId(appPk)), connections.of(appPk).size()))
                .toList();
        connectionsPerApp.register(rows, true);
    }

    private String appId(long appPk) {
        return appIds.computeIfAbsent(
                appPk, pk -> apps.findByPk(pk).map(App::appId).orElse(String.valueOf(pk)));
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, String mode) {
        return values.computeIfAbsent(mode, m -> {
            var value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get)
                    .description(description)
                    .tag("mode", m)
                    .register(registry);
            return value;
        });
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "larkspur-metrics");
            thread.setDaemon(true);
            return thread;
        });
        refresher.execute(this::refreshAndReschedule);
    }

    /**
     * Refreshes, then waits the refresh interval or a hundred times as long as the refresh took,
     * whichever is longer, so the gauges never take more than 1% of a connection's time: counting
     * a backlog is linear in it: 10,000 pending among the bench's million deliveries took 65 ms on
     * PostgreSQL, every 5 s (December 2026).
     */
    private void refreshAndReschedule() {
        long start = System.nanoTime();
        try {
            refresh();
        } catch (RuntimeException e) {
            log.debug("metrics refresh failed; next time", e);
        }
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        var executor = refresher;
        if (executor != null) {
            try {
                executor.schedule(
                        this::refreshAndReschedule, Math.max(refreshMillis, 100 * tookMillis), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // Stopped in between.
            }
        }
    }

    @Override
    public void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
