package dev.larkspur.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HookRateLimiterTest {
    private static HookRateLimiter limiter(boolean enabled, int perSecond, int perMinute) {
        return new HookRateLimiter(
                new CustomBotProperties(new CustomBotProperties.RateLimit(enabled, perSecond, perMinute)));
    }

    @Test
    void feishusDefaultAllowsFivePostsInASecond() {
        var limiter = limiter(true, 5, 100);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryPost("cli_a")).isTrue();
        }

        assertThat(limiter.tryPost("cli_a")).isFalse();
    }

    @Test
    void eachBotHasItsOwnBudget() {
        var limiter = limiter(true, 1, 100);

        assertThat(limiter.tryPost("cli_a")).isTrue();
        assertThat(limiter.tryPost("cli_b")).isTrue();
        assertThat(limiter.tryPost("cli_a")).isFalse();
    }

    @Test
    void forgottenBotStartsAfresh() {
        var limiter = limiter(true, 1, 1);
        limiter.tryPost("cli_a");

        limiter.forget("cli_a");

        assertThat(limiter.tryPost("cli_a")).isTrue();
    }

    @Test
    void disabledLimiterLetsEverythingThrough() {
        var limiter = limiter(false, 1, 1);

        assertThat(limiter.tryPost("cli_a")).isTrue();
        assertThat(limiter.tryPost("cli_a")).isTrue();
    }
}
