package dev.larkspur.event;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes waiting for their ACK, by the data frame's {@code message_id} (new for every attempt, so a
 * late ACK of an earlier attempt cannot complete a later one). ACK payloads are read as loosely as
 * the SDKs write them (spec/protocols.md §4.9): {@code headers} null, {@code data} absent, null,
 * base64 of JSON, or plain JSON.
 */
@Component
class PendingAcks {
    private final Map<String, Pending> waiting = new ConcurrentHashMap<>();
    private final JsonMapper json;

    PendingAcks(JsonMapper json) {
        this.json = json;
    }

    /** An ACK: the client's code (200 = handled) and the handler's answer, if it gave one. */
    record Ack(int code, JsonNode data) {}

    private record Pending(String deviceId, CompletableFuture<Ack> future) {}

    CompletableFuture<Ack> expect(String messageId, String deviceId) {
        var future = new CompletableFuture<Ack>();
        waiting.put(messageId, new Pending(deviceId, future));
        return future;
    }

    void forget(String messageId) {
        waiting.remove(messageId);
    }

    /** An ACK frame arrived; one for nothing we wait on (late, or duplicated) is dropped. */
    void acked(String messageId, byte[] payload) {
        var pending = waiting.remove(messageId);
        if (pending != null) {
            pending.future().complete(parse(payload));
        }
    }

    /** The connection is gone: its pushes fail now rather than at their timeout. */
    void connectionClosed(String deviceId) {
        waiting.entrySet().removeIf(e -> {
            if (e.getValue().deviceId().equals(deviceId)) {
                e.getValue().future().completeExceptionally(new IllegalStateException("connection closed"));
                return true;
            }
            return false;
        });
    }

    Ack parse(byte[] payload) {
        JsonNode body;
        try {
            body = payload == null ? null : json.readTree(payload);
        } catch (JacksonException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return new Ack(0, null);
        }
        return new Ack(body.path("code").asInt(0), data(body.get("data")));
    }

    private JsonNode data(JsonNode data) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            return null;
        }
        if (!data.isString()) {
            return data;
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(data.asString());
            return json.readTree(new String(decoded, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JacksonException e) {
            // Not base64 of JSON: keep the text as the answer.
            return data;
        }
    }
}
