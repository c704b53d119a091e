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
        assertThat(cursor.gaps()).containsExactly(new Gap(12, 13, 1_000, 0));

        var later = FanoutCursor.decode(cursor.high(), cursor.encodedGaps());
        later.accept(List.of(13L), 2_000);
        assertThat(later.gaps()).containsExactly(new Gap(12, 12, 2_000, 0));
        later.accept(List.of(12L), 2_000);
        assertThat(later.gaps()).isEmpty();
        assertThat(later.high()).isEqualTo(14);
    }

    @Test
    void aKeyInsideAGapSplitsItAndWhatIsLeftWaitsAfresh() {
        var cursor = FanoutCursor.decode(20, "1-9@500,15-19@700");
        cursor.accept(List.of(5L), 1_000);
        assertThat(cursor.gaps())
                .containsExactly(new Gap(1, 4, 1_000, 0), new Gap(6, 9, 1_000, 0), new Gap(15, 19, 700, 0));
        assertThat(cursor.encodedGaps()).isEqualTo("1-4@1000,6-9@1000,15-19@700");
    }

    @Test
    void aKeyReadTwiceChangesNothing() {
        var cursor = FanoutCursor.decode(20, "15-19@700");
        cursor.accept(List.of(12L, 20L), 1_000);
        assertThat(cursor.changed()).isFalse();
        assertThat(cursor.high()).isEqualTo(20);
        assertThat(cursor.gaps()).containsExactly(new Gap(15, 19, 700, 0));
    }

    @Test
    void onH2GapsMissingLongerThanTheLimitAreGivenUp() {
        var cursor = FanoutCursor.decode(100, "1-2@1000,50-60@5000");
        cursor.expire(1_000 + FanoutCursor.GAP_MILLIS, null);
        assertThat(cursor.changed()).isFalse();
        cursor.expire(1_001 + FanoutCursor.GAP_MILLIS, null);
        assertThat(cursor.changed()).isTrue();
        assertThat(cursor.gaps()).containsExactly(new Gap(50, 60, 5_000, 0));
    }

    @Test
    void theStoredFormRoundTrips() {
        var cursor = FanoutCursor.decode(7, "");
        cursor.accept(List.of(9L, 12L), 42);
        var again = FanoutCursor.decode(cursor.high(), cursor.encodedGaps());
        assertThat(again.high()).isEqualTo(12);
        assertThat(again.gaps()).containsExactly(new Gap(8, 8, 42, 0), new Gap(10, 11, 42, 0));
        assertThat(again.changed()).isFalse();
    }

    @Test
    void onPostgresAGapIsGivenUpOnceNoTransactionBelowItsHorizonRuns() {
        var cursor = FanoutCursor.decode(10, "");
        cursor.accept(List.of(14L), 1_000);
        // Found missing this round: no horizon yet, so nothing can be given up.
        cursor.expire(1_000, 500L);
        assertThat(cursor.gaps()).containsExactly(new Gap(11, 13, 1_000, 0));

        var next = FanoutCursor.decode(cursor.high(), cursor.encodedGaps());
        next.stamp(700);
        assertThat(next.encodedGaps()).isEqualTo("11-13@1000^700");
        // A transaction below 700 still runs (xmin 650): key 12 may yet commit, whatever the time.
        next.accept(List.of(12L), 900_000);
        next.expire(900_000, 650L);
        assertThat(next.gaps()).containsExactly(new Gap(11, 11, 900_000, 700), new Gap(13, 13, 900_000, 700));

        var later = FanoutCursor.decode(next.high(), next.encodedGaps());
        later.stamp(800);
        assertThat(later.gaps()).extracting(Gap::horizon).containsOnly(700L);
        later.expire(900_000 + FanoutCursor.SETTLE_MILLIS, 700L);
        assertThat(later.gaps()).hasSize(2);
        later.expire(900_001 + FanoutCursor.SETTLE_MILLIS, 700L);
        assertThat(later.gaps()).isEmpty();
        assertThat(later.changed()).isTrue();
    }
}
