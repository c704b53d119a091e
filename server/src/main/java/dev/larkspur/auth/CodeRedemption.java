package dev.larkspur.auth;

import dev.larkspur.auth.internal.OAuthCodeRepository.StoredCode;
import dev.larkspur.auth.internal.RefreshTokenRepository.StoredRefreshToken;

/**
 * Whether a stored code or refresh token may be redeemed by this app now, with the reason Feishu
 * gives when not. Nothing is spent here: the caller marks it used only once every check passed, so
 * a wrong app cannot burn another app's code.
 */
final class CodeRedemption {
    private CodeRedemption() {}

    /**
     * A code is bound to its app (20024), single-use (20003 v1 / 20065 v2), lives five minutes
     * (20004), must come back with the redirect URI it was issued for when one is given (20071, v2
     * only: the v1 bodies have none) and with the PKCE verifier when it had a challenge (20049).
     */
    static void check(StoredCode code, long appPk, long now, String redirectUri, String codeVerifier, OAuthApi api) {
        if (code.appPk() != appPk) {
            throw OAuthErrors.appMismatch(api);
        }
        if (code.usedAt() != null) {
            throw OAuthErrors.codeUsed(api);
        }
        if (now >= code.expiresAt()) {
            throw OAuthErrors.codeExpired(api);
        }
        if (redirectUri != null && !redirectUri.isEmpty() && !redirectUri.equals(code.redirectUri())) {
            throw OAuthErrors.redirectUriMismatch();
        }
        if (code.codeChallenge() != null
                && !Pkce.verifies(code.codeChallenge(), code.codeChallengeMethod(), codeVerifier)) {
            throw OAuthErrors.pkceFailed(api);
        }
    }

    /** A refresh token is bound to its app (20024), single-use (20038 v1 / 20073 v2) and expires (20037). */
    static void check(StoredRefreshToken token, long appPk, long now, OAuthApi api) {
        if (token.appPk() != appPk) {
            throw OAuthErrors.appMismatch(api);
        }
        if (token.usedAt() != null) {
            throw OAuthErrors.refreshUsed(api);
        }
        if (now >= token.expiresAt()) {
            throw OAuthErrors.refreshExpired(api);
        }
    }
}
