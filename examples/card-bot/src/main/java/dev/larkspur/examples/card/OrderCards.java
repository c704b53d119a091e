package dev.larkspur.examples.card;

import com.lark.oapi.core.utils.Jsons;

/**
 * The cards of a small coffee order, one per step. Each control carries in its {@code value} what
 * was chosen so far, so the bot keeps no state between clicks. Every card is shared ({@code
 * update_multi}), so everyone in the chat sees the order move on.
 */
final class OrderCards {
    private OrderCards() {}

    /** Step 1: buttons, one per drink. */
    static String menu() {
        return """
                {"config": {"update_multi": true},
                 "header": {"title": {"tag": "plain_text", "content": "What would you like?"}},
                 "elements": [{"tag": "action", "actions": [
                   {"tag": "button", "text": {"tag": "plain_text", "content": "Latte"}, "type": "primary",
                    "value": {"step": "size", "drink": "latte"}},
                   {"tag": "button", "text": {"tag": "plain_text", "content": "Tea"}, "type": "default",
                    "value": {"step": "size", "drink": "tea"}}]}]}
                """;
    }

    /** Step 2: a select menu of sizes; the chosen one arrives as the action's {@code option}. */
    static String sizes(String drink) {
        return """
                {"config": {"update_multi": true},
                 "header": {"title": {"tag": "plain_text", "content": %s}},
                 "elements": [{"tag": "action", "actions": [
                   {"tag": "select_static", "placeholder": {"tag": "plain_text", "content": "Size"},
                    "value": {"step": "confirm", "drink": %s},
                    "options": [
                      {"text": {"tag": "plain_text", "content": "Small"}, "value": "small"},
                      {"text": {"tag": "plain_text", "content": "Large"}, "value": "large"}]}]}]}
                """
                .formatted(quote("A " + drink + ": which size?"), quote(drink));
    }

    /** Step 3: order it, or start over. */
    static String confirm(String drink, String size) {
        return """
                {"config": {"update_multi": true},
                 "header": {"title": {"tag": "plain_text", "content": %s}},
                 "elements": [{"tag": "action", "actions": [
                   {"tag": "button", "text": {"tag": "plain_text", "content": "Order it"}, "type": "primary",
                    "value": {"step": "order", "drink": %s, "size": %s}},
                   {"tag": "button", "text": {"tag": "plain_text", "content": "Start over"}, "type": "default",
                    "value": {"step": "menu"}}]}]}
                """
                .formatted(quote("A " + size + " " + drink + "?"), quote(drink), quote(size));
    }

    /** The end: no controls left. */
    static String ordered(String drink, String size) {
        return """
                {"config": {"update_multi": true},
                 "header": {"template": "green", "title": {"tag": "plain_text", "content": %s}},
                 "elements": [{"tag": "div", "text": {"tag": "plain_text", "content": "Ready in five minutes."}}]}
                """
                .formatted(quote("Ordered: a " + size + " " + drink));
    }

    private static String quote(String text) {
        return Jsons.DEFAULT.toJson(text);
    }
}
