package dev.larkspur.metrics.web;

import dev.larkspur.platform.ApiResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * {@code larkspur.openapi.requests}: every Open API call timed, tagged with its API (method and
 * path pattern, so ids do not multiply the series), HTTP status and Feishu code. Runs first, so
 * that calls refused by authentication or the rate limit are counted too.
 */
class OpenApiMetricsInterceptor implements HandlerInterceptor {
    private static final String START = OpenApiMetricsInterceptor.class.getName() + ".start";
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    OpenApiMetricsInterceptor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(START, System.nanoTime());
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(request.getAttribute(START) instanceof Long start)) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String api = request.getMethod() + " " + (pattern == null ? "unmatched" : pattern);
        int status = response.getStatus();
        Object code = request.getAttribute(ApiResponse.CODE_ATTRIBUTE);
        String codeTag = code != null ? code.toString() : status < 400 ? "0" : "unknown";
        timers.computeIfAbsent(api + ' ' + status + ' ' + codeTag, k -> Timer.builder("larkspur.openapi.requests")
                        .description("Open API calls by API, HTTP status and Feishu code")
                        .tag("api", api)
                        .tag("status", String.valueOf(status))
                        .tag("code", codeTag)
                        .publishPercentileHistogram()
                        .maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
