package dev.larkspur.auth;

/**
 * Which token API a person's code or refresh token is redeemed through. The two answer the same
 * failures with different codes, texts and HTTP statuses (D authen-v1 oidc pages vs D uat-v2).
 */
public enum OAuthApi {
    /** {@code authen/v1/(oidc/)access_token} and {@code refresh_access_token}: the envelope, HTTP 200. */
    V1,
    /** {@code authen/v2/oauth/token}: top-level {@code code}, {@code error}, {@code error_description}, HTTP 400. */
    V2
}
