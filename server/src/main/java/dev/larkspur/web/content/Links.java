package dev.larkspur.web.content;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which link targets the page may carry: http, https and Feishu's {@code lark:} app links. Anything
 * else ({@code javascript:}, {@code data:}, relative tricks) is shown as text, never as a link.
 */
final class Links {
    private static final Pattern SCHEME = Pattern.compile("^(https?|lark)://[^\\s\"'<>`]+$");

    private Links() {}

    /** The href when it is safe, else null. */
    static String safe(String href) {
        if (href == null) {
            return null;
        }
        String trimmed = href.strip();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return SCHEME.matcher(lower).matches() ? trimmed : null;
    }
}
