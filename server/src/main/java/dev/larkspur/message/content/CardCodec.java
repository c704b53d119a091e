package dev.larkspur.message.content;

import dev.larkspur.message.MessageErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cards ({@code interactive}): a card JSON (schema 1.0 or 2.0), a template reference, or a card
 * entity. Readers get the simplified card of spec/message.md §4.2: the title and one line per
 * element, keeping text, buttons, images and dividers.
 */
final class CardCodec {
    private final JsonMapper json;

    CardCodec(JsonMapper json) {
        this.json = json;
    }

    ObjectNode toReceive(JsonNode card) {
        String type = card.path("type").asString("");
        if (type.equals("template")) {
            if (!card.path("data").path("template_id").isString()) {
                throw MessageErrors.invalidContent("validate content fail");
            }
            return simplified("", json.createArrayNode());
        }
        if (type.equals("card")) {
            if (!card.path("data").path("card_id").isString()) {
                throw MessageErrors.invalidContent("validate content fail");
            }
            return simplified("", json.createArrayNode());
        }
        JsonNode elements = card.path("schema").asString("").equals("2.0")
                ? card.path("body").path("elements")
                : card.path("elements");
        if (!elements.isMissingNode() && !elements.isArray()) {
            throw MessageErrors.cardJsonUnparsable();
        }
        ArrayNode lines = json.createArrayNode();
        for (JsonNode element : elements.values()) {
            line(element, lines);
        }
        return simplified(card.path("header").path("title").path("content").asString(""), lines);
    }

    private void line(JsonNode element, ArrayNode lines) {
        String tag = element.path("tag").asString("");
        switch (tag) {
            case "div", "markdown", "plain_text", "lark_md" -> {
                String text = element.path("content").isString()
                        ? element.path("content").asString()
                        : element.path("text").path("content").asString("");
                lines.addArray().addObject().put("tag", "text").put("text", text);
            }
            case "hr" -> lines.addArray().addObject().put("tag", "hr");
            case "img" -> lines.addArray()
                    .addObject()
                    .put("tag", "img")
                    .put("image_key", element.path("img_key").asString(""));
            case "action" -> {
                ArrayNode line = lines.addArray();
                element.path("actions").values().forEach(a -> button(a, line));
            }
            case "button" -> button(element, lines.addArray());
            default -> {}
        }
    }

    private void button(JsonNode action, ArrayNode line) {
        line.addObject()
                .put("tag", "button")
                .put("text", action.path("text").path("content").asString(""))
                .put("type", action.path("type").asString("default"));
    }

    private ObjectNode simplified(String title, ArrayNode elements) {
        ObjectNode out = json.createObjectNode().put("title", title);
        out.set("elements", elements);
        return out;
    }
}
