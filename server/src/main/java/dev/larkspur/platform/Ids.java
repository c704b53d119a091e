package dev.larkspur.platform;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random public identifiers in Feishu's shapes: a prefix and lower-case hex. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {}

    public static String hex(int chars) {
        byte[] bytes = new byte[(chars + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes).substring(0, chars);
    }

    public static String tenantKey() {
        return hex(16);
    }

    public static String appId() {
        return "cli_" + hex(16);
    }

    public static String openId() {
        return "ou_" + hex(32);
    }

    public static String unionId() {
        return "on_" + hex(32);
    }

    /** A secret with 190 bits of entropy, in the 32-character alphanumeric shape Feishu shows. */
    public static String secret() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
