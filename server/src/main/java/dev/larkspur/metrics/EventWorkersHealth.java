package dev.larkspur.metrics;

import dev.larkspur.event.DeliveryBacklog;
import java.time.Clock;
import java.util.LinkedHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * {@code eventWorkers} in {@code /admin/health}: up while the fan-out and push loops run, with each
 * mode's backlog and the age of its oldest pending delivery; down when they are stopped.
 */
@Component("eventWorkersHealthIndicator")
class EventWorkersHealth implements HealthIndicator {
    private final SmartLifecycle workers;
    private final DeliveryBacklog backlog;
    private final Clock clock;

    EventWorkersHealth(@Qualifier("eventWorkers") SmartLifecycle workers, DeliveryBacklog backlog, Clock clock) {
        this.workers = workers;
        this.backlog = backlog;
        this.clock = clock;
    }

    @Override
    public Health health() {
        var health = workers.isRunning() ? Health.up() : Health.down().withDetail("reason", "event workers stopped");
        long now = clock.millis();
        var details = new LinkedHashMap<String, Object>();
        for (var b : backlog.now()) {
            details.put(
                    b.mode(),
                    java.util.Map.of(
                            "pending",
                            b.pending(),
                            "oldest_age_seconds",
                            b.oldestCreatedAt() == null ? 0 : (now - b.oldestCreatedAt()) / 1000));
        }
        return health.withDetail("backlog", details).build();
    }
}
