package dev.larkspur.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The one codec for page tokens: an opaque base64url text over a keyset position. A token names the
 * list it belongs to ({@code kind}), a hash of the query it was issued for, and the position's numbers,
 * so a token from another list or another query is refused. Anything a client crafts — garbage base64,
 * missing or extra parts, non-numbers — is refused with the list's own invalid-token error, never an
 * exception of another kind.
 */
public final class PageTokens {
    private static final String VERSION = "p2";

    private PageTokens() {}

    /** How a list refuses a token: malformed, or issued for other query parameters. */
    public record Refusal(Supplier<FeishuException> malformed, Supplier<FeishuException> queryChanged) {
        /** One error for every refusal. */
        public static Refusal of(Supplier<FeishuException> invalid) {
            return new Refusal(invalid, invalid);
        }
    }

    /** A token for the position {@code values} in the list {@code kind} asked with {@code query}. */
    public static String encode(String kind, String query, long... values) {
        var text =
                new StringBuilder(VERSION).append(':').append(kind).append(':').append(hash(query));
        for (long value : values) {
            text.append(':').append(value);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position in {@code token}, which must have as many numbers as {@code whenAbsent}; that
     * array itself when the token is absent or blank.
     */
    public static long[] decode(String token, String kind, String query, long[] whenAbsent, Refusal refusal) {
        if (token == null || token.isBlank()) {
            return whenAbsent;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refusal.malformed().get();
        }
        // -1 keeps empty parts, so "p2:::" has the wrong count rather than a missing index.
        String[] parts = text.split(":", -1);
        if (parts.length != whenAbsent.length + 3 || !parts[0].equals(VERSION) || !parts[1].equals(kind)) {
            throw refusal.malformed().get();
        }
        if (!parts[2].equals(hash(query))) {
            throw refusal.queryChanged().get();
        }
        long[] values = new long[whenAbsent.length];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = Long.parseLong(parts[i + 3]);
            } catch (NumberFormatException e) {
                throw refusal.malformed().get();
            }
        }
        return values;
    }

    /** A single-number position for lists with no query: the admin and console lists. */
    public static String encode(String kind, long value) {
        return encode(kind, "", value);
    }

    public static long decodeLong(String token, String kind, long whenAbsent) {
        var refusal = Refusal.of(() -> FeishuErrors.fieldValidation("page_token", token, "invalid page_token"));
        return decode(token, kind, "", new long[] {whenAbsent}, refusal)[0];
    }

    private static String hash(String query) {
        return Integer.toHexString(query.hashCode());
    }
}
