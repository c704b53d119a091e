package dev.larkspur.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretHasherTest {
    @Test
    void matchesOnlyTheHashedSecret() {
        String hash = SecretHasher.hash("s3cret-value");
        assertThat(hash).doesNotContain("s3cret-value");
        assertThat(SecretHasher.matches("s3cret-value", hash)).isTrue();
        assertThat(SecretHasher.matches("s3cret-valuf", hash)).isFalse();
        assertThat(SecretHasher.matches(null, hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(SecretHasher.hash("same")).isNotEqualTo(SecretHasher.hash("same"));
    }

    @Test
    void rejectsAMalformedStoredValue() {
        assertThat(SecretHasher.matches("x", "plain")).isFalse();
    }
}
