package dev.larkspur.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The custom-bot signature (spec/message.md §3.24): Base64 of HMAC-SHA256 keyed by
 * {@code timestamp + "\n" + secret} over an empty message — the key, not the message, carries the
 * data, exactly as Feishu's own Java, Go and Python samples compute it. The timestamp is in seconds
 * and must lie within one hour of the server's time, either way.
 */
final class HookSignature {
    static final Duration WINDOW = Duration.ofHours(1);

    private HookSignature() {}

    /** The {@code sign} for a timestamp (as sent, in seconds) and a secret. */
    static String sign(String timestamp, String secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            String key = timestamp + "\n" + secret;
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    static boolean verify(String secret, String timestamp, String sign, Instant now) {
        if (timestamp == null || sign == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > WINDOW.toSeconds()) {
            return false;
        }
        byte[] expected = sign(timestamp, secret).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, sign.getBytes(StandardCharsets.UTF_8));
    }
}
