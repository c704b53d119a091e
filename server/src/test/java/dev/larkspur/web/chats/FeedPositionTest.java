package dev.larkspur.web.chats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.event.StoredEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedPositionTest {
    private static StoredEvent event(long pk) {
        return new StoredEvent(pk, "e" + pk, "im.message.receive_v1", 1, 7L, null, "{}", 0);
    }

    private static List<Long> keys(List<FeedPosition.Seen> seen) {
        return seen.stream().map(s -> s.event().pk()).toList();
    }

    @Test
    void readsOnFromTheHighestKeySeen() {
        var at = new FeedPosition(10);
        assertThat(keys(at.accept(List.of(event(11), event(12)), 0))).containsExactly(11L, 12L);
        assertThat(at.high()).isEqualTo(12);
        assertThat(at.gaps(0)).isEmpty();
    }

    @Test
    void aKeyThatCommitsAfterAHigherOneIsStillTold() {
        var at = new FeedPosition(10);
        at.accept(List.of(event(11), event(13)), 0);
        assertThat(at.gaps(0)).containsExactly(12L);

        var late = at.accept(List.of(event(12), event(14)), 100);

        assertThat(keys(late)).containsExactly(12L, 14L);
        assertThat(late.get(0).late()).isTrue();
        assertThat(late.get(1).late()).isFalse();
        assertThat(at.gaps(100)).isEmpty();
    }

    @Test
    void anEventReadTwiceIsToldOnce() {
        var at = new FeedPosition(10);
        at.accept(List.of(event(11)), 0);
        assertThat(at.accept(List.of(event(11)), 0)).isEmpty();
    }

    @Test
    void aMissingKeyIsForgottenAfterAWhile() {
        var at = new FeedPosition(10);
        at.accept(List.of(event(12)), 0);
        assertThat(at.gaps(FeedPosition.GAP_MILLIS)).containsExactly(11L);
        assertThat(at.gaps(FeedPosition.GAP_MILLIS + 1)).isEmpty();
        assertThat(at.accept(List.of(event(11)), FeedPosition.GAP_MILLIS + 2)).isEmpty();
    }

    @Test
    void aLongJumpKeepsOnlyTheNewestHoles() {
        var at = new FeedPosition(0);
        at.accept(List.of(event(10_000)), 0);
        var gaps = at.gaps(0);
        assertThat(gaps).hasSize(FeedPosition.MAX_GAPS);
        assertThat(gaps).contains(9_999L).doesNotContain(1L);
    }
}
