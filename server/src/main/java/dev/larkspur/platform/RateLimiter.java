package dev.larkspur.platform;

import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Feishu's gateway limit: per app and per API, a per-second and a per-minute budget. Over it, HTTP
 * 429 with code 99991400 and the {@code x-ogw-ratelimit-*} headers. Buckets live in this process: with
 * several instances each enforces its own share (documented in the README; see {@link Limiters}).
 */
@Component
public class RateLimiter {
    private final LarkspurProperties.RateLimit config;
    private final Limiters.Keyed<String> buckets;

    public RateLimiter(LarkspurProperties props, Limiters limiters) {
        this.config = props.rateLimit();
        this.buckets = limiters.perSecondAndMinute(config.perSecond(), config.perMinute());
    }

    /** The outcome of one request's check: whether it may go on, and what the headers say. */
    public record Verdict(boolean allowed, int limit, long resetSeconds) {}

    public Verdict check(String appId, String api) {
        if (!config.enabled()) {
            return new Verdict(true, config.perSecond(), 0);
        }
        var bucket = buckets.bucket(appId + ' ' + api);
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        long reset = probe.isConsumed()
                ? 0
                : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Verdict(probe.isConsumed(), config.perSecond(), reset);
    }

    public static FeishuException limited() {
        return new FeishuException(FeishuErrors.RATE_LIMITED, "request trigger frequency limit", 429);
    }
}
