package dev.larkspur.web.chats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComposerMentionsTest {

    @Test
    void turnsEachPickedNameIntoAnAtTagInTextOrder() {
        assertThat(ComposerMentions.tagged("@Bob and @Demo Bot hi", List.of("ou_b0t|Demo Bot", "ou_bob|Bob")))
                .isEqualTo("<at user_id=\"ou_bob\">Bob</at> and <at user_id=\"ou_b0t\">Demo Bot</at> hi");
    }

    @Test
    void aPickWhoseNameWasDeletedMentionsNoOne() {
        assertThat(ComposerMentions.tagged("hello", List.of("ou_bob|Bob"))).isEqualTo("hello");
    }

    @Test
    void twoPicksOfOneNameTakeTwoOccurrences() {
        assertThat(ComposerMentions.tagged("@Bob @Bob", List.of("ou_bob|Bob", "ou_bob|Bob")))
                .isEqualTo("<at user_id=\"ou_bob\">Bob</at> <at user_id=\"ou_bob\">Bob</at>");
    }

    @Test
    void aShorterNameDoesNotTakeTheStartOfALongerOne() {
        assertThat(ComposerMentions.tagged("@Bob @Bo", List.of("ou_bo|Bo")))
                .isEqualTo("@Bob <at user_id=\"ou_bo\">Bo</at>");
    }

    @Test
    void anIdOrNameThatCouldBreakTheMarkupIsDroppedOrCleaned() {
        assertThat(ComposerMentions.tagged("@x", List.of("ou\"><b|x"))).isEqualTo("@x");
        assertThat(ComposerMentions.tagged("@a<b>", List.of("ou_a|a<b>"))).isEqualTo("@a<b>");
        assertThat(ComposerMentions.tagged("@all hi", List.of("all|all"))).isEqualTo("<at user_id=\"all\">所有人</at> hi");
    }
}
