package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.platform.FuzzRoutes.Auth;
import dev.larkspur.platform.FuzzRoutes.Route;
import dev.larkspur.support.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input on every route family (issue 13 item 7): NUL characters, lone surrogates, values
 * longer than any column, wrong JSON types, bodies that are not JSON. No answer is a 5xx, and every
 * answer is Feishu's JSON {@code {code,msg}}. A fixed table of cases, so a failure names its request.
 */
class EdgeFuzzIT {
    /** Strings, sent as JSON strings in bodies and URL-encoded in paths and queries. */
    static final List<String> STRINGS = List.of(
            "",
            " ",
            "\u0000",
            "oc_\u0000x",
            "\uD800",
            "a\uDC00b",
            "\uDE00\uD83D",
            "😀",
            "a".repeat(161),
            "oc_" + "f".repeat(300),
            "x".repeat(5000),
            "'; drop table chat; --",
            "../../etc/passwd",
            "-1",
            "99999999999999999999",
            "%00",
            "<script>x</script>",
            "\\\"");
    /** JSON values of the wrong type, sent raw in bodies. */
    static final List<String> RAW = List.of(
            "0", "-1", "1e999", "true", "null", "[]", "{}", "[".repeat(2000) + "]".repeat(2000), "{\"a\":[1,{}]}");
    /** Whole bodies that are not what any endpoint expects. */
    static final List<byte[]> BODIES = List.of(
            new byte[0],
            bytes("{"),
            bytes("[]"),
            bytes("null"),
            bytes("\"x\""),
            new byte[] {(byte) 0xFF, (byte) 0xFE, 0},
            // a lone surrogate encoded as UTF-8 bytes (CESU), which no UTF-8 decoder should accept
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            bytes("{\"a\":\"\\u0000\"}"),
            bytes("{\"\\ud800\":1}"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TestServer server;
    private static Map<String, String> ids;
    private static Map<Auth, String> tokens;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "larkspur.rate-limit.enabled", false,
                "larkspur.custom-bots.rate-limit.enabled", false,
                "larkspur.messages.per-chat-per-second", 10_000));
        var fixture = FuzzFixture.create(server);
        ids = fixture.ids();
        tokens = fixture.tokens();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void malformedInputNeverGetsA5xxAndAlwaysGetsFeishuJson() throws Exception {
        var requests = new ArrayList<Sent>();
        for (Route route : FuzzRoutes.ROUTES) {
            for (String value : STRINGS) {
                requests.add(request(route, value, jsonString(value)));
            }
            if (route.body() != null && route.body().contains("$V")) {
                for (String raw : RAW) {
                    requests.add(request(route, raw, raw));
                }
            }
            if (route.body() != null) {
                for (byte[] body : BODIES) {
                    requests.add(send(route.method(), fill(route.path(), "x"), route.auth(), body, "application/json"));
                }
            }
        }
        for (String value : STRINGS) {
            requests.add(upload("/open-apis/im/v1/images", Map.of("image_type", value), "image", "a.png"));
            requests.add(
                    upload("/open-apis/im/v1/files", Map.of("file_type", "stream", "file_name", value), "file", value));
            requests.add(upload("/open-apis/im/v1/files", Map.of("file_type", value), "file", "a.txt"));
        }
        var failures = new ConcurrentLinkedQueue<String>();
        var checked = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        try {
            for (Sent sent : requests) {
                pool.submit(() -> {
                    String failure = check(sent);
                    if (failure != null) {
                        failures.add(failure);
                    }
                    checked.incrementAndGet();
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        }
        System.out.printf(
                "edge fuzz: %d requests in %d ms, %d failures%n",
                checked.get(), (System.nanoTime() - started) / 1_000_000, failures.size());
        assertThat(checked.get()).isEqualTo(requests.size()).isGreaterThan(3000);
        assertThat(failures).isEmpty();
    }

    /** A request and what it was, for the failure message. */
    record Sent(String label, HttpRequest request) {}

    private static Sent request(Route route, String value, String json) {
        String path = fill(route.path(), URLEncoder.encode(value, StandardCharsets.UTF_8));
        byte[] body =
                route.body() == null ? null : bytes(fill(route.body(), json).replace("$V", json));
        return send(route.method(), path, route.auth(), body, "application/json; charset=utf-8");
    }

    private static Sent send(String method, String path, Auth auth, byte[] body, String contentType) {
        var builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            builder.header("Content-Type", contentType);
        }
        if (auth != Auth.NONE) {
            builder.header("Authorization", "Bearer " + tokens.get(auth));
        }
        String shown = body == null ? "" : " " + abbreviate(new String(body, StandardCharsets.UTF_8));
        return new Sent(method + " " + abbreviate(path) + shown, builder.build());
    }

    private static Sent upload(String path, Map<String, String> fields, String fileField, String fileName) {
        String boundary = "fuzzboundary";
        var text = new StringBuilder();
        fields.forEach((name, value) -> text.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        text.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"")
                .append(fileName.replace("\"", "'"))
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\nnot an image\r\n--" + boundary + "--\r\n");
        return send("POST", path, Auth.TENANT, bytes(text.toString()), "multipart/form-data; boundary=" + boundary);
    }

    /** Null when the answer is well-formed, else what was wrong. */
    private static String check(Sent sent) {
        HttpResponse<String> response;
        try {
            response = CLIENT.send(sent.request(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return sent.label() + " -> " + e;
        }
        String problem = problem(response);
        return problem == null ? null : sent.label() + " -> " + response.statusCode() + " " + problem;
    }

    private static String problem(HttpResponse<String> response) {
        // 501 is Larkspur's own "API not served here" (99999501), an answer and not a failure.
        boolean notServed = response.statusCode() == 501 && response.body().contains("99999501");
        if (response.statusCode() >= 500 && !notServed) {
            return "server error: " + abbreviate(response.body());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return "not JSON: " + abbreviate(response.body());
        }
        if (body == null || !body.path("code").isIntegralNumber()) {
            return "no code: " + abbreviate(response.body());
        }
        // The OAuth v2 token endpoint answers as OAuth does: error and error_description beside code.
        boolean described =
                body.path("msg").isString() || body.path("error_description").isString();
        return described ? null : "no msg: " + abbreviate(response.body());
    }

    private static String fill(String template, String value) {
        String text = template.replace("$Q", value);
        for (var id : ids.entrySet()) {
            text = text.replace("{" + id.getKey() + "}", id.getValue());
        }
        return text;
    }

    /** A JSON string literal that escapes every control character and every surrogate. */
    static String jsonString(String value) {
        var out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
