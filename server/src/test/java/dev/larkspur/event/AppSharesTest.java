package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each app's share of the pushes in flight (issue 13 item 4), work-conserving (issue 14). */
class AppSharesTest {
    private final AppShares shares = new AppShares(2, 16);

    @Test
    void anAppTakesAtMostItsShare() {
        assertThat(shares.take(1)).isTrue();
        assertThat(shares.take(1)).isTrue();
        assertThat(shares.take(1)).isFalse();
        assertThat(shares.inFlight(1)).isEqualTo(2);
    }

    @Test
    void aFullAppLeavesOtherAppsTheirShare() {
        shares.take(1);
        shares.take(1);
        assertThat(shares.take(2)).isTrue();
        assertThat(shares.full()).containsExactly(1L);
    }

    @Test
    void aPlaceGivenBackCanBeTakenAgain() {
        shares.take(1);
        shares.take(1);
        shares.give(1);
        assertThat(shares.full()).isEmpty();
        assertThat(shares.take(1)).isTrue();
    }

    @Test
    void givingBackMoreThanWasTakenLeavesNothingBehind() {
        shares.take(3);
        shares.give(3);
        shares.give(3);
        assertThat(shares.inFlight(3)).isZero();
        assertThat(shares.take(3)).isTrue();
        assertThat(shares.take(3)).isTrue();
        assertThat(shares.take(3)).isFalse();
    }

    @Test
    void anAppGoesOverItsShareOnlyUpToTheReserve() {
        var taken = 0;
        while (shares.takeExtra(1) && taken < 100) {
            taken++;
        }
        assertThat(taken).isEqualTo(16 - shares.reserve());
        assertThat(shares.spare()).isZero();
        assertThat(shares.full()).containsExactly(1L);
    }

    @Test
    void anotherAppFindsTheReserveFreeAndItsWholeShareAsTheExtraPlacesComeBack() {
        while (shares.takeExtra(1)) {
            // fills every place but the reserve
        }
        assertThat(shares.take(2)).isTrue();
        assertThat(shares.take(2)).isTrue();
        assertThat(shares.take(2)).isFalse();
        assertThat(shares.takeExtra(1)).isFalse();
    }

    @Test
    void noAppTakesMoreThanTheBound() {
        var small = new AppShares(1, 4);
        assertThat(small.takeExtra(1)).isTrue();
        assertThat(small.takeExtra(1)).isTrue();
        assertThat(small.takeExtra(1)).as("the reserve").isFalse();
        assertThat(small.take(2)).isTrue();
        assertThat(small.take(3)).isTrue();
        assertThat(small.take(4)).as("the bound").isFalse();
        assertThat(small.takeExtra(4)).isFalse();
    }
}
