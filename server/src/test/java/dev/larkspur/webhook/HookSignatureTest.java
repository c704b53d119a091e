package dev.larkspur.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HookSignatureTest {
    private static final String SECRET = "demo-secret";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    private static String signedAt(long seconds) {
        return CustomBotFixtures.sign(String.valueOf(seconds), SECRET);
    }

    @Test
    void acceptsWhatFeishusSampleComputes() {
        assertThat(HookSignature.verify(SECRET, "1700000000", signedAt(1_700_000_000L), NOW))
                .isTrue();
    }

    @Test
    void acceptsTimestampsUpToAnHourEitherWay() {
        assertThat(HookSignature.verify(SECRET, "1699996400", signedAt(1_699_996_400L), NOW))
                .isTrue();
        assertThat(HookSignature.verify(SECRET, "1700003600", signedAt(1_700_003_600L), NOW))
                .isTrue();
    }

    @Test
    void refusesTimestampsFurtherAway() {
        assertThat(HookSignature.verify(SECRET, "1699996399", signedAt(1_699_996_399L), NOW))
                .isFalse();
        assertThat(HookSignature.verify(SECRET, "1700003601", signedAt(1_700_003_601L), NOW))
                .isFalse();
    }

    @Test
    void refusesAnotherSecretsSignature() {
        String other = CustomBotFixtures.sign("1700000000", "other-secret");

        assertThat(HookSignature.verify(SECRET, "1700000000", other, NOW)).isFalse();
    }

    @Test
    void refusesMissingOrNonNumericTimestamps() {
        assertThat(HookSignature.verify(SECRET, null, signedAt(1_700_000_000L), NOW))
                .isFalse();
        assertThat(HookSignature.verify(SECRET, "soon", CustomBotFixtures.sign("soon", SECRET), NOW))
                .isFalse();
        assertThat(HookSignature.verify(SECRET, "1700000000", null, NOW)).isFalse();
    }

    @Test
    void signsWithTheTimestampAndSecretAsTheKey() {
        // Signing the data instead of keying by it would give a different value for the same inputs.
        assertThat(HookSignature.sign("1700000000", SECRET)).isEqualTo(signedAt(1_700_000_000L));
    }
}
