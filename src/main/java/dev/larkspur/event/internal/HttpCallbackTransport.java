package dev.larkspur.event.internal;

import dev.larkspur.event.CallbackTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Feishu's rule: connect within 2 s, the whole request within 3 s, success is HTTP 200. */
@Component
class HttpCallbackTransport implements CallbackTransport {
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public Response post(String url, Map<String, String> headers, String body) {
        long start = System.nanoTime();
        try {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), elapsed(start), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, null, elapsed(start), "interrupted");
        } catch (Exception e) {
            return new Response(0, null, elapsed(start), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
