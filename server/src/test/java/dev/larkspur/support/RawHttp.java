package dev.larkspur.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP for what the SDK cannot send on purpose: no token, a malformed token or body, a user
 * token on a tenant-only API. Everything else in the tests goes through the official SDK.
 */
public final class RawHttp {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String baseUrl;

    RawHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A response: status, headers (lower-case names) and the body parsed as JSON. */
    public record Reply(int status, Map<String, String> headers, JsonNode body) {
        public int code() {
            return body.path("code").asInt(-1);
        }
    }

    public Reply send(String method, String path, String token, String body) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json; charset=utf-8");
        }
        return execute(builder.build());
    }

    public Reply sendWithHeader(String method, String path, String headerName, String headerValue) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header(headerName, headerValue)
                .build();
        return execute(request);
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Reply post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    /** A tenant token for the app, from the self-built token endpoint. */
    public String tenantToken(String appId, String appSecret) {
        var reply = post(
                "/open-apis/auth/v3/tenant_access_token/internal",
                null,
                "{\"app_id\":\"" + appId + "\",\"app_secret\":\"" + appSecret + "\"}");
        return reply.body().path("tenant_access_token").asText();
    }

    private static Reply execute(HttpRequest request) {
        try {
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            var headers = new LinkedHashMap<String, String>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            return new Reply(response.statusCode(), headers, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
