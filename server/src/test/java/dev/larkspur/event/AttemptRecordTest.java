package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the pipeline writes for one attempt, whatever the transport. */
class AttemptRecordTest {
    private static final long NOW = 5_000_000L;
    private final RetryLadder ladder = new RetryLadder(1.0);

    private static Delivery triedBefore(int attempts) {
        return new Delivery(
                7, 11, 13, "callback", "pending", attempts, NOW, null, null, null, NOW, null, "im.message.receive_v1");
    }

    @Test
    void successNumbersTheAttemptAndSchedulesNothing() {
        var record = AttemptRecord.of(triedBefore(2), PushOutcome.delivered(40), ladder, NOW);
        assertThat(record.attempt()).isEqualTo(3);
        assertThat(record.at()).isEqualTo(NOW);
        assertThat(record.retryAt()).isNull();
    }

    @Test
    void firstFailureIsRetriedFifteenSecondsLater() {
        var record = AttemptRecord.of(triedBefore(0), PushOutcome.failed(503, 12, "HTTP 503"), ladder, NOW);
        assertThat(record.attempt()).isEqualTo(1);
        assertThat(record.retryAt()).isEqualTo(NOW + 15_000);
    }

    @Test
    void fifthFailureGivesUp() {
        var record = AttemptRecord.of(triedBefore(4), PushOutcome.notSent("app not online"), ladder, NOW);
        assertThat(record.attempt()).isEqualTo(5);
        assertThat(record.retryAt()).isNull();
        assertThat(record.outcome().ok()).isFalse();
    }

    @Test
    void aFailureAlwaysSaysWhy() {
        assertThatThrownBy(() -> PushOutcome.failed(500, 1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
