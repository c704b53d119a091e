package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The buckets run on the injected clock and an idle key's bucket is forgotten, which changes no answer. */
class LimitersTest {
    private final MutableClock clock = MutableClock.frozen();
    private final Limiters limiters = new Limiters(clock);

    @Test
    void aBucketRefillsWhenTheClockMovesNotWhenRealTimePasses() {
        Limiters.Keyed<Long> perChat = limiters.perSecond(1);
        assertThat(perChat.bucket(1L).tryConsume(1)).isTrue();
        assertThat(perChat.bucket(1L).tryConsume(1)).isFalse();

        clock.advance(Duration.ofSeconds(1));

        assertThat(perChat.bucket(1L).tryConsume(1)).isTrue();
    }

    @Test
    void aKeyIdleForItsLongestPeriodIsForgottenAndStartsFull() {
        Limiters.Keyed<String> perApp = limiters.perSecondAndMinute(10, 2);
        perApp.bucket("cli_a").tryConsume(1);
        perApp.bucket("cli_a").tryConsume(1);
        perApp.bucket("cli_b").tryConsume(1);
        assertThat(perApp.bucket("cli_a").tryConsume(1)).isFalse();
        assertThat(perApp.size()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(30));
        perApp.bucket("cli_b");
        clock.advance(Duration.ofSeconds(31));

        assertThat(perApp.size())
                .as("cli_a idle for a minute, cli_b used 31 s ago")
                .isEqualTo(1);
        assertThat(perApp.existing("cli_a")).isEmpty();
        assertThat(perApp.bucket("cli_a").tryConsume(2)).isTrue();
    }

    @Test
    void aKeyInUseKeepsItsBucket() {
        Limiters.Keyed<String> perApp = limiters.perSecondAndMinute(10, 3);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(15));
            assertThat(perApp.bucket("cli_a").tryConsume(1)).isTrue();
        }
        clock.advance(Duration.ofSeconds(14));
        assertThat(perApp.bucket("cli_a").tryConsume(1))
                .as("the minute's budget was spent within the minute")
                .isFalse();
    }
}
