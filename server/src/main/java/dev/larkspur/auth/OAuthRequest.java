package dev.larkspur.auth;

/**
 * What an app asks on the authorize page (D obtain-oauth-code): its {@code client_id} (the historic
 * page's {@code app_id}), where to send the person back, the space-separated scopes, an opaque
 * state returned as is, and the optional PKCE challenge. Any field may be missing; {@link
 * OAuthAuthorizations#check} says what is wrong.
 */
public record OAuthRequest(
        String clientId,
        String responseType,
        String redirectUri,
        String scope,
        String state,
        String codeChallenge,
        String codeChallengeMethod) {

    /** The historic {@code authen/v1/index} page and the admin call: no response_type, no PKCE. */
    public static OAuthRequest of(String appId, String redirectUri, String scope, String state) {
        return new OAuthRequest(appId, null, redirectUri, scope, state, null, null);
    }
}
