package dev.larkspur.webhook;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Each custom bot's budget: a per-second and a per-minute one, both of which a post spends from.
 * Like the API gateway's limiter, the buckets live in this process, so several instances each
 * enforce their own share.
 */
@Component
class HookRateLimiter {
    private final CustomBotProperties.RateLimit config;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    HookRateLimiter(CustomBotProperties props) {
        this.config = props.rateLimit();
    }

    boolean tryPost(String botId) {
        return !config.enabled()
                || buckets.computeIfAbsent(botId, id -> newBucket()).tryConsume(1);
    }

    /** Returns a post's share of the budget when the post was refused after spending it. */
    void giveBack(String botId) {
        var bucket = buckets.get(botId);
        if (config.enabled() && bucket != null) {
            bucket.addTokens(1);
        }
    }

    void forget(String botId) {
        buckets.remove(botId);
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
