package dev.larkspur.web.content;

/**
 * One element of a text or post message, in reading order: runs of text, mentions, links and
 * emotions flow inline; images, videos, code blocks, dividers and markdown stand as blocks.
 * {@link #kind()} names the fragment that draws it.
 */
public sealed interface Piece {
    String kind();

    /** The piece as plain text, for previews. */
    String plain();

    record Text(String text, Style style) implements Piece {
        public String kind() {
            return "text";
        }

        public String plain() {
            return text;
        }
    }

    /** {@code me}: the viewer is the one mentioned; {@code all}: @all. */
    record At(String name, boolean me, boolean all, Style style) implements Piece {
        public String kind() {
            return "at";
        }

        public String plain() {
            return "@" + name;
        }
    }

    /** {@code href} is null when the target is not a safe scheme; the text then shows as text. */
    record Link(String text, String href, Style style) implements Piece {
        public String kind() {
            return "link";
        }

        public String plain() {
            return text;
        }
    }

    /** {@code glyph}: the emoji character when known, else null (the type is shown as a chip). */
    record Emotion(String type, String glyph) implements Piece {
        public String kind() {
            return "emotion";
        }

        public String plain() {
            return glyph != null ? glyph : "[" + type + "]";
        }
    }

    record Image(String url, String key) implements Piece {
        public String kind() {
            return "img";
        }

        public String plain() {
            return "[Image]";
        }
    }

    /** A video: its download URL and, when the sender gave a cover, the cover's URL. */
    record Media(String url, String coverUrl) implements Piece {
        public String kind() {
            return "media";
        }

        public String plain() {
            return "[Video]";
        }
    }

    record Code(String language, String text) implements Piece {
        public String kind() {
            return "code";
        }

        public String plain() {
            return text;
        }
    }

    record Hr() implements Piece {
        public String kind() {
            return "hr";
        }

        public String plain() {
            return "";
        }
    }

    record Markdown(SafeHtml html, String source) implements Piece {
        public String kind() {
            return "md";
        }

        public String plain() {
            return source;
        }
    }
}
