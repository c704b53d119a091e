package dev.larkspur.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.platform.Limiters;
import dev.larkspur.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HookRateLimiterTest {
    private final MutableClock clock = MutableClock.frozen();

    private HookRateLimiter limiter(boolean enabled, int perSecond, int perMinute) {
        return new HookRateLimiter(
                new CustomBotProperties(new CustomBotProperties.RateLimit(enabled, perSecond, perMinute)),
                new Limiters(clock));
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
    void theNextSecondBringsFiveMore() {
        var limiter = limiter(true, 5, 100);
        for (int i = 0; i < 5; i++) {
            limiter.tryPost("cli_a");
        }
        assertThat(limiter.tryPost("cli_a")).isFalse();

        clock.advance(Duration.ofSeconds(1));

        assertThat(limiter.tryPost("cli_a")).isTrue();
    }

    @Test
    void aRefusedPostGivesItsShareBack() {
        var limiter = limiter(true, 1, 100);
        assertThat(limiter.tryPost("cli_a")).isTrue();

        limiter.giveBack("cli_a");

        assertThat(limiter.tryPost("cli_a")).isTrue();
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
