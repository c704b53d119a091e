package dev.larkspur.event;

import dev.larkspur.platform.Ids;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP push as Feishu sends it (spec/protocols.md §3.1, §3.5, §3.6): a request id, and with an
 * Encrypt Key the body encrypted and signed over the exact bytes sent.
 */
record CallbackRequest(Map<String, String> headers, String body) {
    static CallbackRequest of(EventSettings config, String plain, JsonMapper json, long nowMillis) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("X-Request-Id", Ids.hex(32));
        if (!config.encrypted()) {
            return new CallbackRequest(headers, plain);
        }
        String body = json.writeValueAsString(Map.of("encrypt", EventCrypto.encrypt(config.encryptKey(), plain)));
        String timestamp = String.valueOf(nowMillis / 1000);
        String nonce = Ids.hex(16);
        headers.put("X-Lark-Request-Timestamp", timestamp);
        headers.put("X-Lark-Request-Nonce", nonce);
        headers.put("X-Lark-Signature", EventCrypto.sign(timestamp, nonce, config.encryptKey(), body));
        return new CallbackRequest(headers, body);
    }
}
