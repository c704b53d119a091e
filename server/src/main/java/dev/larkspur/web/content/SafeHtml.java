package dev.larkspur.web.content;

/**
 * HTML that this package built itself from escaped text and a fixed set of tags, the only value
 * the templates write with {@code th:utext}. Its constructor is package-private so no caller can
 * wrap a sender's string in it.
 */
public final class SafeHtml {
    private final String html;

    SafeHtml(String html) {
        this.html = html;
    }

    public String html() {
        return html;
    }

    @Override
    public String toString() {
        return html;
    }
}
