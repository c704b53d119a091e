package dev.larkspur.web.content;

import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * System messages in receive format: a {@code template} whose {@code {name}} slots are filled from
 * the fields of the same name, lists joined with commas ("{from_user} invited {to_chatters} to this
 * chat."); the divider's slot takes its text (spec/message.md §4.2).
 */
final class SystemText {
    private static final Pattern SLOT = Pattern.compile("\\{([a-z_]+)\\}");

    private SystemText() {}

    static ContentView.SystemNote view(JsonNode node) {
        String template = node.path("template").asString("");
        Matcher m = SLOT.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(slot(node.path(m.group(1)))));
        }
        m.appendTail(out);
        boolean divider = template.equals("{divider_text}");
        return new ContentView.SystemNote(out.toString(), divider);
    }

    private static String slot(JsonNode value) {
        if (value.isArray()) {
            var names = new ArrayList<String>();
            value.values().forEach(v -> names.add(v.asString("")));
            return String.join(", ", names);
        }
        if (value.isObject()) {
            return value.path("text").asString("");
        }
        return value.asString("");
    }
}
