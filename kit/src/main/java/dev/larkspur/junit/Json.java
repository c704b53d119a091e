package dev.larkspur.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to the embedded server, for the admin API (bearer admin token) and the few Open API
 * reads the kit makes with an app's tenant token. A non-zero envelope code is an {@link
 * AssertionError}: a test that asks the kit for something the server refuses has a bug to read.
 */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    Json(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The envelope's {@code data}; fails on a non-zero {@code code}. */
    JsonNode call(String method, String path, String bearer, Object body) {
        var reply = send(method, path, bearer, body);
        if (reply.path("code").asInt(-1) != 0) {
            throw new AssertionError(method + " " + path + " failed: " + reply);
        }
        return reply.path("data");
    }

    /** The whole envelope, whatever its code. */
    JsonNode send(String method, String path, String bearer, Object body) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json; charset=utf-8")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)));
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            if (text == null || text.isBlank()) {
                throw new AssertionError(
                        method + " " + path + " answered HTTP " + response.statusCode() + " with no body");
            }
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }
}
