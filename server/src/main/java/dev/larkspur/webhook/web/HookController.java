package dev.larkspur.webhook.web;

import dev.larkspur.platform.FeishuException;
import dev.larkspur.webhook.IncomingWebhooks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /open-apis/bot/v2/hook/:token}: no access token, the path token is the credential.
 * The answers are not the usual envelope: success carries the legacy {@code StatusCode} and
 * {@code StatusMessage} fields too, and failures are {@code {code,msg,data}} without an
 * {@code error} object, on HTTP 200 except for an unreadable body (spec/message.md §3.24). The body
 * is taken as bytes so that every malformed body gets the webhook's own answer.
 */
@RestController
class HookController {
    private final IncomingWebhooks webhooks;

    HookController(IncomingWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/open-apis/bot/v2/hook/{token}")
    ResponseEntity<Map<String, Object>> post(
            @PathVariable("token") String token,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        webhooks.receive(token, request.getRemoteAddr(), body);
        var reply = new LinkedHashMap<String, Object>();
        reply.put("StatusCode", 0);
        reply.put("StatusMessage", "success");
        reply.put("code", 0);
        reply.put("data", Map.of());
        reply.put("msg", "success");
        return ResponseEntity.ok(reply);
    }

    /** Before the central mapping: a hook's failures keep the hook's shape. */
    @ExceptionHandler(FeishuException.class)
    ResponseEntity<Map<String, Object>> refused(FeishuException e) {
        var reply = new LinkedHashMap<String, Object>();
        reply.put("code", e.code());
        reply.put("data", Map.of());
        reply.put("msg", e.getMessage());
        return ResponseEntity.status(e.httpStatus()).body(reply);
    }
}
