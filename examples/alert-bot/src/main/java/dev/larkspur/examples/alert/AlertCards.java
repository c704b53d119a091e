package dev.larkspur.examples.alert;

import com.lark.oapi.core.utils.Jsons;

/**
 * The alert card and what it becomes once handled. Both are shared cards ({@code update_multi}), the
 * condition for updating a card for everyone in the chat.
 */
final class AlertCards {
    private AlertCards() {}

    static String open(Alert alert) {
        return """
                {"config": {"update_multi": true},
                 "header": {"template": "red", "title": {"tag": "plain_text", "content": %s}},
                 "elements": [
                   {"tag": "div", "text": {"tag": "lark_md", "content": %s}},
                   {"tag": "action", "actions": [
                     {"tag": "button", "text": {"tag": "plain_text", "content": "Mark handled"},
                      "type": "primary", "value": {"action": "handled", "title": %s, "detail": %s}}]}]}
                """
                .formatted(
                        quote("Alert: " + alert.title()),
                        quote(alert.detail()),
                        quote(alert.title()),
                        quote(alert.detail()));
    }

    static String handled(Alert alert, String handlerOpenId) {
        return """
                {"config": {"update_multi": true},
                 "header": {"template": "green", "title": {"tag": "plain_text", "content": %s}},
                 "elements": [
                   {"tag": "div", "text": {"tag": "lark_md", "content": %s}},
                   {"tag": "div", "text": {"tag": "lark_md", "content": %s}}]}
                """
                .formatted(
                        quote("Handled: " + alert.title()),
                        quote(alert.detail()),
                        quote("Handled by <at id=" + handlerOpenId + "></at>"));
    }

    private static String quote(String text) {
        return Jsons.DEFAULT.toJson(text);
    }
}
