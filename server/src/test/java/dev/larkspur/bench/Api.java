package dev.larkspur.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON calls to the server under test, for setting it up (not for measuring). */
final class Api {
    static final JsonMapper JSON = JsonMapper.builder().build();
    final String baseUrl;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Calls and returns {@code data}; anything but code 0 is a setup failure. */
    JsonNode ok(String method, String path, Object body, String bearer) {
        var answer = call(method, path, body, bearer);
        if (answer.path("code").asInt(-1) != 0) {
            throw new IllegalStateException(method + " " + path + " answered " + answer);
        }
        return answer.path("data");
    }

    /**
     * Puts an app's event settings with the admin token. A callback's URL check must be answered
     * within 1 s; on a loaded machine one try may miss it, so it tries three times.
     */
    void putEventSettings(String appId, Map<String, Object> settings, String adminToken) {
        for (int attempt = 1; ; attempt++) {
            var answer = call("PUT", "/admin/v1/apps/" + appId + "/event_settings", settings, adminToken);
            if (answer.path("code").asInt(-1) == 0) {
                return;
            }
            if (attempt == 3) {
                throw new IllegalStateException("the event settings of " + appId + " were refused: " + answer);
            }
        }
    }

    JsonNode call(String method, String path, Object body, String bearer) {
        try {
            var response = http.send(request(method, path, body, bearer), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest request(String method, String path, Object body, String bearer) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=utf-8")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }
}
