package dev.larkspur.metrics;

import dev.larkspur.event.EventMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code larkspur.metrics.enabled} ({@code LARKSPUR_METRICS_ENABLED}) false turns Larkspur's own
 * meters into no-ops (and, in application.yml, denies every meter), so the benchmark can measure
 * what metrics cost.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {
    @Bean
    EventMetrics eventMetrics(@Value("${larkspur.metrics.enabled:true}") boolean enabled, MeterRegistry registry) {
        return enabled ? new EventMeters(registry) : EventMetrics.NONE;
    }
}
