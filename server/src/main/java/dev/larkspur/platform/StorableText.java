package dev.larkspur.platform;

/**
 * Text every database stores as it was given. PostgreSQL refuses a NUL character (a 500 before this
 * check) and turns a lone UTF-16 surrogate into {@code ?}, while H2 stores both and hands the
 * surrogate back as JSON that strict parsers reject; so both are refused at the edge, identically on
 * both databases (issue 13 items 7 and 9).
 */
public final class StorableText {
    private StorableText() {}

    /** Why {@code text} cannot be stored, or null when it can. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain a lone UTF-16 surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain a lone UTF-16 surrogate";
            }
        }
        return null;
    }
}
