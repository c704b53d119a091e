package dev.larkspur.web.content;

import dev.larkspur.message.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text message's receive format (spec/message.md §4.2): {@code @_user_N} placeholders named by
 * the message's mentions, {@code @_all}, and links as {@code [text](url)}. Bare http(s) URLs become
 * links too, as Feishu's client shows them.
 */
final class TextContent {
    private static final Pattern TOKENS =
            Pattern.compile("(@_user_\\d+|@_all)|\\[([^\\]\\n]+)\\]\\(([^)\\s]+)\\)|(https?://[^\\s<>\"'\\]\\[()]+)");

    private TextContent() {}

    static List<Piece> pieces(String text, List<Mention> mentions, ContentContext ctx) {
        var out = new ArrayList<Piece>();
        Matcher m = TOKENS.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                out.add(new Piece.Text(text.substring(last, m.start()), Style.PLAIN));
            }
            if (m.group(1) != null) {
                out.add(at(m.group(1), null, mentions, ctx, Style.PLAIN));
            } else if (m.group(2) != null) {
                out.add(new Piece.Link(m.group(2), Links.safe(m.group(3)), Style.PLAIN));
            } else {
                // A sentence's closing punctuation is not part of the URL it ends with.
                String url = m.group(4).replaceFirst("[.,;:!?]+$", "");
                out.add(new Piece.Link(url, Links.safe(url), Style.PLAIN));
                last = m.start() + url.length();
                continue;
            }
            last = m.end();
        }
        if (last < text.length()) {
            out.add(new Piece.Text(text.substring(last), Style.PLAIN));
        }
        return out;
    }

    /**
     * A mention by placeholder key ({@code @_user_1}, {@code @_all}, or {@code all}); unnamed
     * placeholders keep the name the content gave, or the key itself.
     */
    static Piece at(String key, String givenName, List<Mention> mentions, ContentContext ctx, Style style) {
        if (key.equals("@_all") || key.equals("all")) {
            return new Piece.At("All", false, true, style);
        }
        for (Mention mention : mentions) {
            if (mention.key().equals(key)) {
                boolean me = mention.userPk() != null && mention.userPk().equals(ctx.viewerUserPk());
                return new Piece.At(mention.name(), me, false, style);
            }
        }
        String name = givenName != null && !givenName.isBlank() ? givenName : key.replaceFirst("^@", "");
        return new Piece.At(name, false, false, style);
    }
}
