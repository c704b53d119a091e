package dev.larkspur.auth;

/**
 * What a code or a refresh token is exchanged for: a {@code u-} user access token (the same kind the
 * Open API takes everywhere), a rotated {@code ur-} refresh token (null where the v2 call gives none),
 * their lifetimes in seconds, the scopes granted, and the person as the app sees them.
 */
public record UserTokens(
        String accessToken,
        int expiresIn,
        String refreshToken,
        int refreshExpiresIn,
        String scope,
        UserProfile profile) {
    public static final String TOKEN_TYPE = "Bearer";
}
