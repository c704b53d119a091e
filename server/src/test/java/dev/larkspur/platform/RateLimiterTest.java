package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MutableClock clock = MutableClock.frozen();

    private RateLimiter limiter(boolean enabled, int perSecond, int perMinute) {
        return new RateLimiter(
                new LarkspurProperties(
                        Path.of("."),
                        new LarkspurProperties.Database(null, null, null, 24, 8),
                        null,
                        null,
                        new LarkspurProperties.RateLimit(enabled, perSecond, perMinute),
                        new LarkspurProperties.Events(false, 200, 1, 1.0, 30000, 1),
                        LarkspurProperties.H2.defaults()),
                new Limiters(clock));
    }

    @Test
    void allowsTheBudgetThenRefusesWithAResetTime() {
        var limiter = limiter(true, 2, 100);
        assertThat(limiter.check("cli_a", "GET /x").allowed()).isTrue();
        assertThat(limiter.check("cli_a", "GET /x").allowed()).isTrue();
        var third = limiter.check("cli_a", "GET /x");
        assertThat(third.allowed()).isFalse();
        assertThat(third.resetSeconds()).isBetween(1L, 1L);
        assertThat(third.limit()).isEqualTo(2);
    }

    @Test
    void theBudgetComesBackWhenTheClockMovesOnASecond() {
        var limiter = limiter(true, 2, 100);
        limiter.check("cli_a", "GET /x");
        limiter.check("cli_a", "GET /x");
        assertThat(limiter.check("cli_a", "GET /x").allowed()).isFalse();

        clock.advance(Duration.ofMillis(999));
        assertThat(limiter.check("cli_a", "GET /x").allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.check("cli_a", "GET /x").allowed()).isTrue();
    }

    @Test
    void budgetsArePerAppAndPerApi() {
        var limiter = limiter(true, 1, 100);
        assertThat(limiter.check("cli_a", "GET /x").allowed()).isTrue();
        assertThat(limiter.check("cli_b", "GET /x").allowed()).isTrue();
        assertThat(limiter.check("cli_a", "GET /y").allowed()).isTrue();
        assertThat(limiter.check("cli_a", "GET /x").allowed()).isFalse();
    }

    @Test
    void perMinuteBudgetHoldsEvenWhenPerSecondRemains() {
        var limiter = limiter(true, 50, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.check("cli_a", "GET /x").allowed()).isTrue();
        }
        var over = limiter.check("cli_a", "GET /x");
        assertThat(over.allowed()).isFalse();
        assertThat(over.resetSeconds()).isEqualTo(60);

        clock.advance(Duration.ofSeconds(59));
        assertThat(limiter.check("cli_a", "GET /x").allowed()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.check("cli_a", "GET /x").allowed()).isTrue();
    }

    @Test
    void disabledLimiterAllowsEverything() {
        var limiter = limiter(false, 1, 1);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.check("cli_a", "GET /x").allowed()).isTrue();
        }
    }
}
