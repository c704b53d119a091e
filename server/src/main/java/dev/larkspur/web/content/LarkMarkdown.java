package dev.larkspur.web.content;

import dev.larkspur.message.Mention;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The safe subset of Feishu's card markdown ({@code lark_md}, the {@code markdown} element) and
 * post {@code md}: bold, italic, strikethrough, inline code, links, {@code <at>} mentions,
 * {@code <font color>}, line breaks, and by line: lists, quotes, headings, fenced code and
 * dividers. The result is built piece by piece from escaped text and fixed tags, so whatever the
 * sender wrote (a script tag, an attribute, a {@code javascript:} link) reaches the page as text.
 */
public final class LarkMarkdown {
    private static final Pattern ORDERED = Pattern.compile("^\\s*\\d+\\.\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern HEADING = Pattern.compile("^\\s*(#{1,6})\\s+(.*)$");
    private static final Pattern QUOTE = Pattern.compile("^\\s*>\\s?(.*)$");
    private static final Pattern RULE = Pattern.compile("^\\s*(-{3,}|\\*{3,})\\s*$");

    private LarkMarkdown() {}

    /** Card markdown with no message mentions ({@code <at id>} names come from the lookups). */
    public static SafeHtml render(String markdown, ContentContext ctx) {
        return render(markdown, List.of(), ctx);
    }

    static SafeHtml render(String markdown, List<Mention> mentions, ContentContext ctx) {
        var inline = new MarkdownInline(mentions, ctx);
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        var out = new StringBuilder();
        String list = null;
        boolean needBreak = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            var ordered = ORDERED.matcher(line);
            var bullet = BULLET.matcher(line);
            String wanted = ordered.matches()
                    ? "ol"
                    : bullet.matches() && !RULE.matcher(line).matches() ? "ul" : null;
            if (list != null && !list.equals(wanted)) {
                out.append("</").append(list).append('>');
                list = null;
            }
            if (wanted != null) {
                if (list == null) {
                    out.append('<').append(wanted).append(" class=\"lk-md-list\">");
                    list = wanted;
                }
                String item = wanted.equals("ol") ? ordered.group(1) : bullet.group(1);
                out.append("<li>").append(inline.render(item)).append("</li>");
                needBreak = false;
                continue;
            }
            if (line.strip().startsWith("```")) {
                int end = i + 1;
                var code = new StringBuilder();
                while (end < lines.length && !lines[end].strip().startsWith("```")) {
                    code.append(end > i + 1 ? "\n" : "").append(lines[end]);
                    end++;
                }
                out.append("<pre class=\"lk-code\"><code>")
                        .append(Html.escape(code.toString()))
                        .append("</code></pre>");
                i = end;
                needBreak = false;
                continue;
            }
            if (needBreak) {
                out.append("<br>");
            }
            needBreak = true;
            var heading = HEADING.matcher(line);
            var quote = QUOTE.matcher(line);
            if (RULE.matcher(line).matches()) {
                out.append("<hr class=\"lk-md-hr\">");
                needBreak = false;
            } else if (heading.matches()) {
                out.append("<strong class=\"lk-md-h")
                        .append(heading.group(1).length())
                        .append("\">")
                        .append(inline.render(heading.group(2)))
                        .append("</strong>");
            } else if (quote.matches()) {
                out.append("<span class=\"lk-md-quote\">")
                        .append(inline.render(quote.group(1)))
                        .append("</span>");
            } else {
                out.append(inline.render(line));
            }
        }
        if (list != null) {
            out.append("</").append(list).append('>');
        }
        return new SafeHtml(out.toString());
    }
}
