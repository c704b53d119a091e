package dev.larkspur.web.content;

import dev.larkspur.message.Mention;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of card markdown to HTML: the earliest construct wins, the text around it is escaped,
 * and emphasis renders its inside the same way (nesting is bounded).
 */
final class MarkdownInline {
    private static final Pattern TOKEN =
            Pattern.compile("<at\\s+(?:id|user_id|open_id|email)\\s*=\\s*[\"']?([^\"'>\\s]*)[\"']?\\s*/?>"
                    + "(?:(.*?)</at>)?" // 1 id, 2 given name
                    + "|\\[([^\\]\\n]+)\\]\\(([^)\\s]+)\\)" // 3 text, 4 href
                    + "|<font\\s+color\\s*=\\s*[\"']?([A-Za-z_-]+)[\"']?\\s*>(.*?)</font>" // 5 colour, 6 text
                    + "|\\*\\*(.+?)\\*\\*" // 7 bold
                    + "|~~(.+?)~~" // 8 strike
                    + "|\\*([^*\\s](?:[^*]*?))\\*" // 9 italic
                    + "|`([^`]+)`" // 10 code
                    + "|(@_user_\\d+|@_all)" // 11 message mention
                    + "|(https?://[^\\s<>\"'()\\[\\]]+)" // 12 bare URL
                    + "|:([A-Za-z][A-Za-z0-9_]*):"); // 13 emoji shortcode
    private static final Set<String> COLOURS = Set.of(
            "red",
            "green",
            "grey",
            "gray",
            "blue",
            "orange",
            "yellow",
            "purple",
            "violet",
            "carmine",
            "wathet",
            "turquoise",
            "indigo");
    private static final int MAX_DEPTH = 4;

    private final List<Mention> mentions;
    private final ContentContext ctx;

    MarkdownInline(List<Mention> mentions, ContentContext ctx) {
        this.mentions = mentions;
        this.ctx = ctx;
    }

    String render(String text) {
        return render(text, 0);
    }

    private String render(String text, int depth) {
        if (depth > MAX_DEPTH) {
            return Html.escape(text);
        }
        var out = new StringBuilder();
        Matcher m = TOKEN.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(Html.escape(text.substring(last, m.start())));
            out.append(token(m, depth));
            last = m.end();
        }
        out.append(Html.escape(text.substring(last)));
        return out.toString();
    }

    private String token(Matcher m, int depth) {
        if (m.group(1) != null) {
            return at(m.group(1), m.group(2));
        }
        if (m.group(3) != null) {
            return link(m.group(3), m.group(4), depth);
        }
        if (m.group(5) != null) {
            String colour = m.group(5).toLowerCase(Locale.ROOT);
            String css = COLOURS.contains(colour) ? "lk-font-" + colour : "lk-font";
            return "<span class=\"" + css + "\">" + render(m.group(6), depth + 1) + "</span>";
        }
        if (m.group(7) != null) {
            return "<strong>" + render(m.group(7), depth + 1) + "</strong>";
        }
        if (m.group(8) != null) {
            return "<del>" + render(m.group(8), depth + 1) + "</del>";
        }
        if (m.group(9) != null) {
            return "<em>" + render(m.group(9), depth + 1) + "</em>";
        }
        if (m.group(10) != null) {
            return "<code class=\"lk-md-code\">" + Html.escape(m.group(10)) + "</code>";
        }
        if (m.group(11) != null) {
            return mention((Piece.At) TextContent.at(m.group(11), null, mentions, ctx, Style.PLAIN));
        }
        if (m.group(12) != null) {
            return link(m.group(12), m.group(12), MAX_DEPTH);
        }
        String glyph = Emotions.glyph(m.group(13));
        return glyph != null
                ? "<span class=\"lk-emoji\" title=\"" + Html.escape(m.group(13)) + "\">" + glyph + "</span>"
                : Html.escape(m.group());
    }

    /** A card's mention of a person by id (open_id, user_id or email), or of everyone by {@code all}. */
    String person(String id, String givenName) {
        return at(id, givenName);
    }

    private String at(String id, String givenName) {
        if (id.equals("all")) {
            return mention(new Piece.At("All", false, true, Style.PLAIN));
        }
        String name = ctx.lookups().personName(id).orElse(givenName != null && !givenName.isBlank() ? givenName : id);
        return mention(new Piece.At(name, ctx.lookups().isViewer(id), false, Style.PLAIN));
    }

    private static String mention(Piece.At at) {
        String css = at.all() ? "lk-at lk-at-all" : at.me() ? "lk-at lk-at-me" : "lk-at";
        return "<span class=\"" + css + "\">@" + Html.escape(at.name()) + "</span>";
    }

    private String link(String text, String href, int depth) {
        String safe = Links.safe(href);
        String inner = depth >= MAX_DEPTH ? Html.escape(text) : render(text, depth + 1);
        if (safe == null) {
            return inner;
        }
        return "<a class=\"lk-link\" href=\"" + Html.escape(safe) + "\" target=\"_blank\" rel=\"noopener noreferrer\">"
                + inner + "</a>";
    }
}
