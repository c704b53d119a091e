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

    private static final PageTokens.Refusal INVALID =
            PageTokens.Refusal.of(() -> ChatErrors.invalidParam("invalid page_token"));

    static String token(String kind, long... parts) {
        return PageTokens.encode(kind, "", parts);
    }

    static long[] position(String pageToken, String kind, long... defaults) {
        return PageTokens.decode(pageToken, kind, "", defaults, INVALID);
    }
}
