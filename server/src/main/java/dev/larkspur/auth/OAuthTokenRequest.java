package dev.larkspur.auth;

/**
 * The body of {@code POST /open-apis/authen/v2/oauth/token} (D uat-v2): {@code grant_type}
 * {@code authorization_code} (with {@code code}, optional {@code redirect_uri} and {@code
 * code_verifier}) or {@code refresh_token} (with {@code refresh_token}); the client's credentials in
 * the body or as HTTP Basic; an optional {@code scope} that narrows the token.
 */
public record OAuthTokenRequest(
        String grantType,
        String clientId,
        String clientSecret,
        String code,
        String redirectUri,
        String codeVerifier,
        String refreshToken,
        String scope) {}
