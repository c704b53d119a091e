package dev.larkspur.web.content;

import dev.larkspur.web.content.CardView.Header;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A card's JSON to a {@link CardView}: schema 1.0 ({@code elements}, or {@code i18n_elements}),
 * 2.0 ({@code body.elements}), the simplified receive format (lines of elements under
 * {@code title}, spec/message.md §4.2), and templates and card entities, which Larkspur keeps as
 * references and shows as a placeholder.
 */
final class CardContent {
    private static final List<String> LOCALES = List.of("zh_cn", "en_us", "ja_jp");

    private CardContent() {}

    static CardView view(JsonNode card, ContentContext ctx) {
        String type = card.path("type").asString("");
        if (type.equals("template") || type.equals("card")) {
            String id = type.equals("template")
                    ? card.path("data").path("template_id").asString("")
                    : card.path("data").path("card_id").asString("");
            return new CardView(
                    new Header("", "", "default"), List.of(new CardElement.Referenced(type, id)), ctx.cardTarget());
        }
        if (card.path("title").isString() && card.path("elements").path(0).isArray()) {
            return simplified(card, ctx);
        }
        var elements = new CardElements(ctx);
        JsonNode body = card.path("schema").asString("").equals("2.0")
                ? card.path("body").path("elements")
                : card.has("elements") ? card.path("elements") : localised(card.path("i18n_elements"));
        return new CardView(header(card), elements.list(body), ctx.cardTarget());
    }

    private static Header header(JsonNode card) {
        JsonNode header = card.has("header") ? card.path("header") : localised(card.path("i18n_header"));
        return new Header(
                textOf(header.path("title")),
                textOf(header.path("subtitle")),
                header.path("template").asString(""));
    }

    /** A {@code {tag, content}} text object's content, or its first translation. */
    static String textOf(JsonNode text) {
        if (text.isString()) {
            return text.asString();
        }
        String content = text.path("content").asString("");
        return content.isEmpty() ? localised(text.path("i18n")).asString("") : content;
    }

    static JsonNode localised(JsonNode byLocale) {
        for (String l : LOCALES) {
            if (byLocale.has(l)) {
                return byLocale.get(l);
            }
        }
        for (var e : byLocale.properties()) {
            return e.getValue();
        }
        return byLocale;
    }

    /** The receive format: each line a row of text, links, mentions, buttons, images, dividers. */
    private static CardView simplified(JsonNode card, ContentContext ctx) {
        var out = new ArrayList<CardElement>();
        var elements = new CardElements(ctx);
        for (JsonNode line : card.path("elements").values()) {
            var row = new ArrayList<CardElement>();
            for (JsonNode e : line.values()) {
                row.add(elements.simplified(e));
            }
            boolean controls = !row.isEmpty() && row.stream().allMatch(CardContent::isControl);
            if (controls) {
                out.add(new CardElement.Action(row, "flow"));
            } else if (row.size() == 1) {
                out.add(row.get(0));
            } else {
                out.add(new CardElement.ColumnSet(List.of(new CardElement.Column(1, true, row))));
            }
        }
        return new CardView(new Header(card.path("title").asString(""), "", "default"), out, ctx.cardTarget());
    }

    private static boolean isControl(CardElement e) {
        return e instanceof CardElement.Button
                || e instanceof CardElement.SelectStatic
                || e instanceof CardElement.Overflow
                || e instanceof CardElement.Picker;
    }
}
