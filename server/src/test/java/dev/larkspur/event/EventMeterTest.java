package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventMeterTest {
    private final MutableClock clock = MutableClock.startingNow();
    private final EventMeter meter = new EventMeter(clock, EventMetrics.NONE);

    private static EventMeter.FailedAttempt failure(long deliveryPk) {
        return new EventMeter.FailedAttempt(0, deliveryPk, 7, "im.message.receive_v1", 1, 503, "HTTP 503");
    }

    @Test
    void ratesAreTheCountsOfTheLastTenSecondsPerSecond() {
        meter.recorded(30);
        clock.advance(Duration.ofSeconds(3));
        meter.recorded(20);
        meter.fannedOut(40);
        meter.delivered();

        var now = meter.snapshot();
        assertThat(now.recordedPerSecond()).isEqualTo(5.0);
        assertThat(now.fannedOutPerSecond()).isEqualTo(4.0);
        assertThat(now.deliveredPerSecond()).isEqualTo(0.1);
    }

    @Test
    void countsOlderThanTheWindowLeaveTheRateButStayInTheTotals() {
        meter.recorded(30);
        clock.advance(Duration.ofSeconds(EventMeter.WINDOW_SECONDS));
        meter.recorded(10);

        var now = meter.snapshot();
        assertThat(now.recordedPerSecond()).isEqualTo(1.0);
        assertThat(now.recordedTotal()).isEqualTo(40);

        clock.advance(Duration.ofSeconds(EventMeter.WINDOW_SECONDS * 3L));
        assertThat(meter.snapshot().recordedPerSecond()).isZero();
    }

    @Test
    void keepsTheLastTenErrorsNewestFirst() {
        for (long pk = 1; pk <= 12; pk++) {
            meter.failed(failure(pk));
        }
        var errors = meter.snapshot().lastErrors();
        assertThat(errors).hasSize(EventMeter.LAST_ERRORS);
        assertThat(errors.get(0).deliveryPk()).isEqualTo(12);
        assertThat(errors.get(9).deliveryPk()).isEqualTo(3);
        assertThat(meter.snapshot().failedTotal()).isEqualTo(12);
    }
}
