package dev.larkspur.webhook;

import dev.larkspur.platform.Limiters;
import org.springframework.stereotype.Component;

/**
 * Each custom bot's budget: a per-second and a per-minute one, both of which a post spends from.
 * Like the API gateway's limiter, the buckets live in this process, so several instances each
 * enforce their own share.
 */
@Component
class HookRateLimiter {
    private final CustomBotProperties.RateLimit config;
    private final Limiters.Keyed<String> buckets;

    HookRateLimiter(CustomBotProperties props, Limiters limiters) {
        this.config = props.rateLimit();
        this.buckets = limiters.perSecondAndMinute(config.perSecond(), config.perMinute());
    }

    boolean tryPost(String botId) {
        return !config.enabled() || buckets.bucket(botId).tryConsume(1);
    }

    /** Returns a post's share of the budget when the post was refused after spending it. */
    void giveBack(String botId) {
        if (config.enabled()) {
            buckets.existing(botId).ifPresent(bucket -> bucket.addTokens(1));
        }
    }

    void forget(String botId) {
        buckets.forget(botId);
    }
}
