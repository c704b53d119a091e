package dev.larkspur.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page tokens over a keyset position. Clients see base64url text; a token that does not
 * decode is the caller's error, reported by the module with its own code.
 */
public final class PageTokens {
    private PageTokens() {}

    public static String encode(String position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("p1:" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position inside a token, or null when the token is absent; throws on a malformed one. */
    public static String decode(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("p1:")) {
                throw new IllegalArgumentException("not a page token");
            }
            return text.substring(3);
        } catch (IllegalArgumentException e) {
            throw FeishuErrors.fieldValidation("page_token", token, "invalid page_token");
        }
    }

    public static long decodeLong(String token, long whenAbsent) {
        String position = decode(token);
        if (position == null) {
            return whenAbsent;
        }
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw FeishuErrors.fieldValidation("page_token", token, "invalid page_token");
        }
    }
}
