package dev.larkspur.web.cards;

import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A toast by the card: the bot's answer ({@code {"type","content","i18n"}}, spec/protocols.md §3.9)
 * or an error of the click. {@code type} becomes a CSS class, so only Feishu's four pass.
 */
record CardToast(String type, String text) {
    private static final Set<String> TYPES = Set.of("success", "error", "info", "warning");

    CardToast {
        type = TYPES.contains(type) ? type : "info";
    }

    /** The bot's toast in the person's language: {@code content}, else its translation, else the first one. */
    static CardToast of(JsonNode toast, Locale locale) {
        String text = toast.path("content").asString("");
        if (text.isBlank()) {
            var i18n = toast.path("i18n");
            String wanted =
                    switch (locale.getLanguage()) {
                        case "zh" -> "zh_cn";
                        case "ja" -> "ja_jp";
                        default -> "en_us";
                    };
            text = i18n.path(wanted).asString("");
            for (var e : i18n.properties()) {
                if (!text.isBlank()) {
                    break;
                }
                text = e.getValue().asString("");
            }
        }
        return new CardToast(toast.path("type").asString("info"), text);
    }

    static CardToast error(String text) {
        return new CardToast("error", text);
    }
}
