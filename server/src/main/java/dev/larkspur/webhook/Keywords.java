package dev.larkspur.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A custom bot's keyword rule (spec/message.md §3.24): at most 10 keywords, and a message passes when
 * its text contains any one of them. Only the text a reader sees counts — {@code text},
 * {@code title} and card {@code content} values — never a link's {@code href} or a key; so an image
 * or a shared chat cannot pass. Nor do the parts of a card nobody reads: a button's {@code value}
 * (sent back to a bot on a click), the card's {@code config} and 2.0 {@code behaviors} (issue 13).
 * Empty means the rule is off.
 */
public final class Keywords {
    static final int MAX = 10;
    private static final Set<String> TEXT_FIELDS = Set.of("text", "title", "content");
    private static final Set<String> UNSEEN = Set.of("value", "config", "behaviors");
    private final List<String> values;

    private Keywords(List<String> values) {
        this.values = values;
    }

    public static Keywords of(List<String> keywords) {
        if (keywords != null && keywords.stream().anyMatch(Objects::isNull)) {
            throw WebhookErrors.invalid("keywords cannot be blank");
        }
        var list = keywords == null ? List.<String>of() : List.copyOf(keywords);
        if (list.size() > MAX) {
            throw WebhookErrors.invalid("keywords has more than " + MAX + " entries");
        }
        if (list.stream().anyMatch(String::isBlank)) {
            throw WebhookErrors.invalid("keywords cannot be blank");
        }
        return new Keywords(list);
    }

    public List<String> values() {
        return values;
    }

    /** Whether the content (in the im/v1 send format of its type) passes the rule. */
    boolean foundIn(JsonNode content) {
        if (values.isEmpty()) {
            return true;
        }
        var texts = new ArrayList<String>();
        collect(content, texts);
        return texts.stream().anyMatch(text -> values.stream().anyMatch(text::contains));
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                if (UNSEEN.contains(field.getKey())) {
                    continue;
                }
                if (field.getValue().isString() && TEXT_FIELDS.contains(field.getKey())) {
                    texts.add(field.getValue().asString());
                } else {
                    collect(field.getValue(), texts);
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(child -> collect(child, texts));
        }
    }
}
