package dev.larkspur.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Codes and refresh tokens are kept as SHA-256: they are long random strings, so a plain hash is
 * enough to make a copy of the database useless for redeeming them, and lookups stay exact.
 */
final class TokenHashes {
    private TokenHashes() {}

    static String sha256(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
