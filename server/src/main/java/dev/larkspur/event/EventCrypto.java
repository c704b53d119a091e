package dev.larkspur.event;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Feishu's event encryption and signature, byte for byte (spec/protocols.md §3.5, §3.6): AES-256-CBC
 * with PKCS#7 padding under SHA-256(encrypt key), a random IV in front, Base64; and the signature
 * lower-hex SHA-256(timestamp + nonce + key + body).
 */
public final class EventCrypto {
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventCrypto() {}

    public static String encrypt(String encryptKey, String plaintext) {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        return encrypt(encryptKey, plaintext, iv);
    }

    static String encrypt(String encryptKey, String plaintext, byte[] iv) {
        try {
            var cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sha256(encryptKey), "AES"), new IvParameterSpec(iv));
            byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + body.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(body, 0, out, iv.length, body.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is part of every Java 17 runtime", e);
        }
    }

    public static String sign(String timestamp, String nonce, String encryptKey, String body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((timestamp + nonce + encryptKey).getBytes(StandardCharsets.UTF_8));
            digest.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
