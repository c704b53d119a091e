package dev.larkspur.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.event.internal.FanoutCursor.Gap;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanoutCursorTest {
    @Test
    void keysReadInOrderMoveTheCursorWithoutGaps() {
        var cursor = FanoutCursor.decode(10, "");
        cursor.accept(List.of(11L, 12L, 13L), 1_000);
        assertThat(cursor.high()).isEqualTo(13);
        assertThat(cursor.gaps()).isEmpty();
        assertThat(cursor.changed()).isTrue();
    }

    @Test
    void aSkippedKeyIsAGapUntilItShowsUp() {
        var cursor = FanoutCursor.decode(10, "");
        cursor.accept(List.of(14L, 11L), 1_000);
        assertThat(cursor.high()).isEqualTo(14);
        assertThat(cursor.gaps()).containsExactly(new Gap(12, 13, 1_000));

        var later = FanoutCursor.decode(cursor.high(), cursor.encodedGaps());
        later.accept(List.of(13L), 2_000);
        assertThat(later.gaps()).containsExactly(new Gap(12, 12, 2_000));
        later.accept(List.of(12L), 2_000);
        assertThat(later.gaps()).isEmpty();
        assertThat(later.high()).isEqualTo(14);
    }

    @Test
    void aKeyInsideAGapSplitsItAndWhatIsLeftWaitsAfresh() {
        var cursor = FanoutCursor.decode(20, "1-9@500,15-19@700");
        cursor.accept(List.of(5L), 1_000);
        assertThat(cursor.gaps()).containsExactly(new Gap(1, 4, 1_000), new Gap(6, 9, 1_000), new Gap(15, 19, 700));
        assertThat(cursor.encodedGaps()).isEqualTo("1-4@1000,6-9@1000,15-19@700");
    }

    @Test
    void aKeyReadTwiceChangesNothing() {
        var cursor = FanoutCursor.decode(20, "15-19@700");
        cursor.accept(List.of(12L, 20L), 1_000);
        assertThat(cursor.changed()).isFalse();
        assertThat(cursor.high()).isEqualTo(20);
        assertThat(cursor.gaps()).containsExactly(new Gap(15, 19, 700));
    }

    @Test
    void gapsMissingLongerThanTheLimitAreGivenUp() {
        var cursor = FanoutCursor.decode(100, "1-2@1000,50-60@5000");
        cursor.expire(1_000 + FanoutCursor.GAP_MILLIS);
        assertThat(cursor.changed()).isFalse();
        cursor.expire(1_001 + FanoutCursor.GAP_MILLIS);
        assertThat(cursor.changed()).isTrue();
        assertThat(cursor.gaps()).containsExactly(new Gap(50, 60, 5_000));
    }

    @Test
    void theStoredFormRoundTrips() {
        var cursor = FanoutCursor.decode(7, "");
        cursor.accept(List.of(9L, 12L), 42);
        var again = FanoutCursor.decode(cursor.high(), cursor.encodedGaps());
        assertThat(again.high()).isEqualTo(12);
        assertThat(again.gaps()).containsExactly(new Gap(8, 8, 42), new Gap(10, 11, 42));
        assertThat(again.changed()).isFalse();
    }
}
