package dev.larkspur.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * PKCE (RFC 7636) as Feishu takes it: {@code code_challenge_method} {@code S256} or {@code plain}
 * (the default) on the authorize page, the {@code code_verifier} (43 to 128 of {@code [A-Za-z0-9-._~]})
 * at the v2 token call (D obtain-oauth-code, D uat-v2).
 */
final class Pkce {
    static final String S256 = "S256";
    static final String PLAIN = "plain";
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9\\-._~]{1,128}");

    private Pkce() {}

    /** The method to store for a challenge, refusing an unknown method or a method without challenge. */
    static String method(String challenge, String method) {
        if (challenge == null || challenge.isEmpty()) {
            if (method != null && !method.isEmpty()) {
                throw OAuthErrors.invalidAuthorizeRequest("code_challenge_method without code_challenge");
            }
            return null;
        }
        if (!CHALLENGE.matcher(challenge).matches()) {
            throw OAuthErrors.invalidAuthorizeRequest("code_challenge must be 1 to 128 of [A-Za-z0-9-._~]");
        }
        if (method == null || method.isEmpty() || method.equals(PLAIN)) {
            return PLAIN;
        }
        if (method.equals(S256)) {
            return S256;
        }
        throw OAuthErrors.invalidAuthorizeRequest("code_challenge_method must be S256 or plain");
    }

    /** Whether the verifier answers the challenge stored with the code. */
    static boolean verifies(String challenge, String method, String verifier) {
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        String expected = S256.equals(method) ? s256(verifier) : verifier;
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
