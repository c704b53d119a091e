package dev.larkspur.web.chats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The composer's @mentions as Feishu text markup. The textarea shows {@code @Name} and the form
 * carries one hidden {@code mention} field per pick, {@code id|Name}; here each pick turns the first
 * free {@code @Name} of the text into {@code <at user_id="id">Name</at>}. The ids travel beside
 * the text rather than inside it so the person edits plain words, and a pick whose {@code @Name}
 * they deleted mentions no one. Who an id names, and whether @all is allowed, stays with the
 * message service, as for any user token.
 */
final class ComposerMentions {
    /** open_id, union_id, user_id or {@code all}: nothing that could close the tag. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    private ComposerMentions() {}

    private record Span(int start, int end, String tag) {}

    static String tagged(String text, List<String> picks) {
        if (picks == null || picks.isEmpty()) {
            return text;
        }
        var spans = new ArrayList<Span>();
        for (String pick : picks) {
            int bar = pick.indexOf('|');
            if (bar <= 0) {
                continue;
            }
            String id = pick.substring(0, bar);
            // The name becomes the tag's text; angle brackets would end it early.
            String name = pick.substring(bar + 1).replace("<", "").replace(">", "");
            if (!ID.matcher(id).matches() || name.isBlank()) {
                continue;
            }
            String shown = "@" + name;
            int from = 0;
            while (true) {
                int at = text.indexOf(shown, from);
                if (at < 0) {
                    break;
                }
                int end = at + shown.length();
                // "@Bo" is not the start of "@Bob": the picker inserts the name and a space.
                boolean whole = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
                if (whole && spans.stream().noneMatch(s -> at < s.end() && s.start() < end)) {
                    spans.add(new Span(at, end, tag(id, name)));
                    break;
                }
                from = at + 1;
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        var out = new StringBuilder();
        int last = 0;
        for (var s : spans) {
            out.append(text, last, s.start()).append(s.tag());
            last = s.end();
        }
        return out.append(text.substring(last)).toString();
    }

    /** @all is written as Feishu documents it; the service reads only the id. */
    private static String tag(String id, String name) {
        return "<at user_id=\"" + id + "\">" + (id.equals("all") ? "所有人" : name) + "</at>";
    }
}
