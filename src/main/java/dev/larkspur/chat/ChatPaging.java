package dev.larkspur.chat;

import dev.larkspur.platform.PageTokens;

/**
 * Paging for chat lists: {@code page_size} defaults to 20 and allows up to 100; page tokens carry a
 * keyset position tagged with the list it belongs to, so a token from another list is refused.
 */
final class ChatPaging {
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    private ChatPaging() {}

    static int size(Integer requested) {
        if (requested == null || requested <= 0) {
            return DEFAULT_PAGE;
        }
        if (requested > MAX_PAGE) {
            throw ChatErrors.invalidParam("page_size must be at most 100");
        }
        return requested;
    }

    static String token(String kind, long... parts) {
        var text = new StringBuilder(kind);
        for (long p : parts) {
            text.append(':').append(p);
        }
        return PageTokens.encode(text.toString());
    }

    static long[] position(String pageToken, String kind, long... defaults) {
        String text = PageTokens.decode(pageToken);
        if (text == null) {
            return defaults;
        }
        String[] parts = text.split(":");
        if (!parts[0].equals(kind) || parts.length != defaults.length + 1) {
            throw ChatErrors.invalidParam("invalid page_token");
        }
        long[] result = new long[defaults.length];
        try {
            for (int i = 0; i < result.length; i++) {
                result[i] = Long.parseLong(parts[i + 1]);
            }
        } catch (NumberFormatException e) {
            throw ChatErrors.invalidParam("invalid page_token");
        }
        return result;
    }
}
