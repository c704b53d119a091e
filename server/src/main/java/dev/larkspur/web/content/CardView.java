package dev.larkspur.web.content;

import dev.larkspur.web.content.ContentContext.CardTarget;
import java.util.List;

/**
 * An interactive card: its header (title, subtitle, and the header colour Feishu calls its
 * {@code template}) and its elements. {@code target} is where its controls post, null when they
 * are shown disabled.
 */
public record CardView(Header header, List<CardElement> elements, CardTarget target) implements ContentView {
    /** Header colours Feishu's cards take; anything else shows as {@code default}. */
    static final List<String> TEMPLATES = List.of(
            "blue",
            "wathet",
            "turquoise",
            "green",
            "yellow",
            "orange",
            "red",
            "carmine",
            "violet",
            "purple",
            "indigo",
            "grey",
            "default");

    /** {@code title} may be empty: the card then has no header bar. */
    public record Header(String title, String subtitle, String template) {
        public Header {
            template = template != null && TEMPLATES.contains(template) ? template : "default";
        }

        public boolean present() {
            return !title.isBlank() || !subtitle.isBlank();
        }
    }

    @Override
    public String kind() {
        return "card";
    }

    @Override
    public String preview() {
        if (!header.title().isBlank()) {
            return header.title();
        }
        return elements.stream()
                .map(CardElement::plain)
                .filter(s -> !s.isBlank())
                .findFirst()
                .map(s -> s.length() > 120 ? s.substring(0, 119) + "…" : s)
                .orElse("[Card]");
    }

    public boolean interactive() {
        return target != null;
    }
}
