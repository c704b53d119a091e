package dev.larkspur.junit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Fault rules ({@code /admin/v1/faults}, README "Fault injection"): Open API errors, latency and
 * closed connections; dropped, duplicated, delayed and reordered pushes; closed long connections.
 * Each method answers the rule's id. {@link Larkspur#reset()} removes every rule but the seed's.
 */
public final class Faults {
    private final Larkspur larkspur;

    Faults(Larkspur larkspur) {
        this.larkspur = larkspur;
    }

    /**
     * The next {@code times} calls of {@code method} on {@code path} (a pattern: {@code *} any run of
     * characters, {@code {name}} one segment) answer a Feishu error: {@code 99991400} is HTTP 429
     * with the rate-limit headers, {@code 230020} and {@code 99991663} HTTP 400.
     */
    public String openApi(String path, String method, int feishuCode, int times) {
        return add(Map.of("action", "error", "path", path, "method", method, "code", feishuCode, "count", times));
    }

    /** The next {@code times} calls of {@code method} on {@code path} answer a bare HTTP 500, 502 or 503. */
    public String openApiStatus(String path, String method, int httpStatus, int times) {
        return add(
                Map.of("action", "error", "path", path, "method", method, "http_status", httpStatus, "count", times));
    }

    /** Calls of {@code method} on {@code path} wait {@code millis} before being served. */
    public String latency(String path, String method, long millis) {
        return add(Map.of("action", "latency", "path", path, "method", method, "latency_ms", millis));
    }

    /** The next {@code times} pushes to the app are not sent: they climb the retry ladder. */
    public String dropPushes(String appId, int times) {
        return add(Map.of("action", "drop", "app_id", appId, "count", times));
    }

    /** The next {@code times} pushes to the app are sent twice (the same event_id). */
    public String duplicatePushes(String appId, int times) {
        return add(Map.of("action", "duplicate", "app_id", appId, "count", times));
    }

    /** Closes the app's live long connections now; the SDK reconnects. */
    public String closeConnections(String appId) {
        return add(Map.of("action", "close_connections", "app_id", appId));
    }

    /**
     * Any rule, with the admin API's fields ({@code action}, {@code app_id}, {@code path}, {@code
     * method}, {@code probability}, {@code count}, {@code ttl_seconds}, {@code code}, {@code
     * http_status}, {@code msg}, {@code latency_ms}, {@code window_ms}).
     */
    public String add(Map<String, ?> rule) {
        return larkspur.admin("POST", "/admin/v1/faults", new LinkedHashMap<>(rule))
                .path("id")
                .asString();
    }

    /** The rules in force, each with {@code applied} (how often it acted) and {@code remaining}. */
    public List<JsonNode> list() {
        var items = larkspur.admin("GET", "/admin/v1/faults", null).path("items");
        return items.valueStream().toList();
    }

    /** How often the rule has acted. */
    public long applied(String id) {
        return larkspur.admin("GET", "/admin/v1/faults/" + id, null)
                .path("applied")
                .asLong();
    }

    public void remove(String id) {
        larkspur.admin("DELETE", "/admin/v1/faults/" + id, null);
    }

    /** Removes every rule, the seed's too. */
    public void clear() {
        larkspur.admin("DELETE", "/admin/v1/faults", null);
    }
}
