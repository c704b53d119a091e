package dev.larkspur.platform;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Feishu's gateway limit: per app and per API, a per-second and a per-minute budget. Over it, HTTP
 * 429 with code 99991400 and the {@code x-ogw-ratelimit-*} headers. Buckets live in this process: with
 * several instances each enforces its own share (documented in the README).
 */
@Component
public class RateLimiter {
    private final LarkspurProperties.RateLimit config;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(LarkspurProperties props) {
        this.config = props.rateLimit();
    }

    /** The outcome of one request's check: whether it may go on, and what the headers say. */
    public record Verdict(boolean allowed, int limit, long resetSeconds) {}

    public Verdict check(String appId, String api) {
        if (!config.enabled()) {
            return new Verdict(true, config.perSecond(), 0);
        }
        Bucket bucket = buckets.computeIfAbsent(appId + ' ' + api, k -> newBucket());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        long reset = probe.isConsumed()
                ? 0
                : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Verdict(probe.isConsumed(), config.perSecond(), reset);
    }

    public static FeishuException limited() {
        return new FeishuException(FeishuErrors.RATE_LIMITED, "request trigger frequency limit", 429);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(config.perSecond())
                        .refillIntervally(config.perSecond(), Duration.ofSeconds(1))
                        .build())
                .addLimit(Bandwidth.builder()
                        .capacity(config.perMinute())
                        .refillIntervally(config.perMinute(), Duration.ofMinutes(1))
                        .build())
                .build();
    }
}
