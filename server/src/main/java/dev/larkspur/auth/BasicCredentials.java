package dev.larkspur.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic client credentials on the v2 token call, which standard OAuth libraries send
 * (RFC 6749 §2.3.1: form-encoded id and secret, base64 of {@code id:secret}). Feishu accepts them,
 * refusing them together with a body secret (D uat-v2 error 20070).
 */
record BasicCredentials(String id, String secret) {
    static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthErrors.malformed();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthErrors.malformed();
        }
        return Optional.of(new BasicCredentials(
                java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
    }
}
