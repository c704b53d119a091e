package dev.larkspur.event.internal;

import dev.larkspur.event.CallbackTransport;
import dev.larkspur.event.RequestUrlPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Feishu's rule: connect within 2 s, the whole request within the caller's limit (3 s for events,
 * 1 s for url_verification), success is HTTP 200. Before each post the {@link RequestUrlPolicy}
 * resolves the host and may refuse it; a refused post opens no connection and counts as a failed
 * attempt, with the reason as its error (in the delivery record and the operator's log). (The client resolves the name again to connect; the JVM's address cache, 30 s by
 * default, makes both see the same answer but for a name that changes in between.)
 */
@Component
class HttpCallbackTransport implements CallbackTransport {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final RequestUrlPolicy policy;

    HttpCallbackTransport(RequestUrlPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Response post(String url, Map<String, String> headers, String body, Duration timeout) {
        long start = System.nanoTime();
        try {
            var uri = URI.create(url);
            var refusal = policy.refusal(uri);
            if (refusal.isPresent()) {
                return new Response(0, null, elapsed(start), REFUSED + ": " + refusal.get());
            }
            var request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long took = elapsed(start);
            // The request timeout covers the response headers only; a body trickled in after the
            // limit is just as late.
            if (took > timeout.toMillis()) {
                return new Response(0, null, took, TIMED_OUT + ": answered after " + took + " ms");
            }
            return new Response(response.statusCode(), response.body(), took, null);
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
