package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Feishu's retries after a failed push: 15 s, 5 min, 1 h, 6 h, then none (spec/protocols.md §3.8). */
class RetryLadderTest {
    private static final long NOW = 1_000_000L;
    private final RetryLadder feishu = new RetryLadder(1.0);

    @Test
    void climbsFeishusFourSteps() {
        assertThat(feishu.next(1, NOW)).isEqualTo(NOW + Duration.ofSeconds(15).toMillis());
        assertThat(feishu.next(2, NOW)).isEqualTo(NOW + Duration.ofMinutes(5).toMillis());
        assertThat(feishu.next(3, NOW)).isEqualTo(NOW + Duration.ofHours(1).toMillis());
        assertThat(feishu.next(4, NOW)).isEqualTo(NOW + Duration.ofHours(6).toMillis());
    }

    @Test
    void givesUpAfterTheFourthRetry() {
        assertThat(feishu.next(5, NOW)).isNull();
    }

    @Test
    void factorScalesEveryStepButNeverToZero() {
        var fast = new RetryLadder(0.001);
        assertThat(fast.next(1, NOW)).isEqualTo(NOW + 15);
        assertThat(fast.next(4, NOW)).isEqualTo(NOW + 21_600);
        assertThat(new RetryLadder(0).next(1, NOW)).isEqualTo(NOW + 1);
    }
}
