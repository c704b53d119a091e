package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {
    @Test
    void acceptsTextWithPairedSurrogates() {
        assertThat(StorableText.problem("")).isNull();
        assertThat(StorableText.problem("hi 😀 你好")).isNull();
    }

    @Test
    void refusesNul() {
        assertThat(StorableText.problem("a\u0000b")).contains("NUL");
    }

    @Test
    void refusesLoneSurrogatesWhereverTheyAre() {
        assertThat(StorableText.problem("\uD800")).contains("surrogate");
        assertThat(StorableText.problem("a\uD83Db")).contains("surrogate");
        assertThat(StorableText.problem("\uDE00")).contains("surrogate");
        assertThat(StorableText.problem("\uDE00\uD83D")).contains("surrogate");
        assertThat(StorableText.problem("😀\uD83D")).contains("surrogate");
    }
}
