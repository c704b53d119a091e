package dev.larkspur.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PkceTest {
    // RFC 7636 Appendix B: this verifier's S256 challenge.
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256MatchesTheRfcExample() {
        assertThat(Pkce.verifies(CHALLENGE, Pkce.S256, VERIFIER)).isTrue();
        assertThat(Pkce.verifies(CHALLENGE, Pkce.S256, VERIFIER.replace('d', 'e')))
                .isFalse();
    }

    @Test
    void plainIsTheDefaultMethodAndComparesAsIs() {
        assertThat(Pkce.method(VERIFIER, null)).isEqualTo(Pkce.PLAIN);
        assertThat(Pkce.verifies(VERIFIER, Pkce.PLAIN, VERIFIER)).isTrue();
    }

    @Test
    void verifierOutsideRfcShapeNeverVerifies() {
        assertThat(Pkce.verifies("short", Pkce.PLAIN, "short")).isFalse();
        assertThat(Pkce.verifies(CHALLENGE, Pkce.S256, null)).isFalse();
    }

    @Test
    void unknownMethodOrMethodWithoutChallengeIsRefused() {
        assertThatThrownBy(() -> Pkce.method(CHALLENGE, "S512")).isInstanceOf(OAuthException.class);
        assertThatThrownBy(() -> Pkce.method(null, "S256")).isInstanceOf(OAuthException.class);
        assertThat(Pkce.method(null, null)).isNull();
    }
}
