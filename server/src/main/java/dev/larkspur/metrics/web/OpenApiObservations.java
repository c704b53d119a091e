package dev.larkspur.metrics.web;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Open API calls are timed once, by {@code larkspur.openapi.requests} ({@link
 * OpenApiMetricsInterceptor}), which also carries the Feishu code. Spring's own {@code
 * http.server.requests} observation would time each of them a second time, and keep an active-request
 * timer for each, on the hottest path there is; it stays on for every other path (the web client,
 * the console, the admin API).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiObservations {
    static final String OPEN_API = "/open-apis/";

    @Bean
    ObservationPredicate openApiCallsTimedOnce() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith(OPEN_API));
    }
}
