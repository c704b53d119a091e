package dev.larkspur.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.larkspur.auth.internal.OAuthCodeRepository.StoredCode;
import dev.larkspur.auth.internal.RefreshTokenRepository.StoredRefreshToken;
import org.junit.jupiter.api.Test;

class CodeRedemptionTest {
    private static final long APP = 7;
    private static final long NOW = 1_000_000;
    private static final String URI = "https://bot.example/callback";

    private static StoredCode code(Long usedAt, String challenge, String method) {
        return new StoredCode(APP, 3, URI, "offline_access", "s", challenge, method, NOW + 1, usedAt);
    }

    private static int refusal(Runnable check) {
        return catchThrowableOfType(OAuthException.class, check::run).code();
    }

    @Test
    void freshCodeOfTheAppIsRedeemable() {
        assertThatCode(() -> CodeRedemption.check(code(null, null, null), APP, NOW, URI, null, OAuthApi.V2))
                .doesNotThrowAnyException();
    }

    @Test
    void codeOfAnotherAppIsRefused() {
        assertThat(refusal(() -> CodeRedemption.check(code(null, null, null), 8, NOW, null, null, OAuthApi.V1)))
                .isEqualTo(20024);
    }

    @Test
    void usedCodeIsRefusedWithEachApisCode() {
        assertThat(refusal(() -> CodeRedemption.check(code(NOW - 5, null, null), APP, NOW, null, null, OAuthApi.V1)))
                .isEqualTo(20003);
        assertThat(refusal(() -> CodeRedemption.check(code(NOW - 5, null, null), APP, NOW, null, null, OAuthApi.V2)))
                .isEqualTo(20065);
    }

    @Test
    void codeIsRefusedFromTheMomentItExpires() {
        assertThat(refusal(() -> CodeRedemption.check(code(null, null, null), APP, NOW + 1, null, null, OAuthApi.V1)))
                .isEqualTo(20004);
    }

    @Test
    void anotherRedirectUriIsRefusedButNoneIsAccepted() {
        assertThat(refusal(() -> CodeRedemption.check(
                        code(null, null, null), APP, NOW, "https://evil.example/cb", null, OAuthApi.V2)))
                .isEqualTo(20071);
        assertThatCode(() -> CodeRedemption.check(code(null, null, null), APP, NOW, null, null, OAuthApi.V2))
                .doesNotThrowAnyException();
    }

    @Test
    void codeWithChallengeNeedsTheMatchingVerifier() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        var pkce = code(null, Pkce.s256(verifier), Pkce.S256);
        assertThatCode(() -> CodeRedemption.check(pkce, APP, NOW, null, verifier, OAuthApi.V2))
                .doesNotThrowAnyException();
        assertThat(refusal(() -> CodeRedemption.check(pkce, APP, NOW, null, verifier + "x", OAuthApi.V2)))
                .isEqualTo(20049);
        assertThat(refusal(() -> CodeRedemption.check(pkce, APP, NOW, null, null, OAuthApi.V1)))
                .isEqualTo(20049);
    }

    @Test
    void spentRefreshTokenIsRefusedWithEachApisCode() {
        var spent = new StoredRefreshToken(APP, 3, "", NOW + 1, NOW - 1);
        assertThat(refusal(() -> CodeRedemption.check(spent, APP, NOW, OAuthApi.V1)))
                .isEqualTo(20038);
        assertThat(refusal(() -> CodeRedemption.check(spent, APP, NOW, OAuthApi.V2)))
                .isEqualTo(20073);
    }

    @Test
    void expiredOrForeignRefreshTokenIsRefused() {
        var token = new StoredRefreshToken(APP, 3, "", NOW, null);
        assertThat(refusal(() -> CodeRedemption.check(token, APP, NOW, OAuthApi.V2)))
                .isEqualTo(20037);
        assertThat(refusal(() -> CodeRedemption.check(token, 9, NOW - 1, OAuthApi.V2)))
                .isEqualTo(20024);
    }
}
