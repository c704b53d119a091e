package dev.larkspur.event.internal;

import dev.larkspur.event.CallbackTransport;
import dev.larkspur.event.RequestUrlPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Feishu's rule: connect within 2 s, the whole exchange (headers and body) within the caller's limit
 * (3 s for events, 1 s for url_verification), success is HTTP 200. A receiver that sends its
 * headers and then stalls is cut off at the limit, so it holds a sender for no longer than that,
 * and only the first {@link CappedBody#MAX_BYTES} of an answer are read. Before each post the
 * {@link RequestUrlPolicy} resolves the host and may refuse it; a refused post opens no connection
 * and counts as a failed attempt, with the reason as its error (in the delivery record and the
 * operator's log). (The client resolves the name again to connect; the JVM's address cache, 30 s by
 * default, makes both see the same answer but for a name that changes in between.)
 */
@Component
class HttpCallbackTransport implements CallbackTransport {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "larkspur-callback-timer");
        thread.setDaemon(true);
        return thread;
    });
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
        try {
            return postAsync(url, headers, body, timeout).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, null, 0, "interrupted");
        } catch (ExecutionException e) {
            return failure(System.nanoTime(), e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Many of these may be in flight with no thread held: the whole-exchange bound is a timer that
     * cancels the exchange, which aborts it and closes its connection (JDK 16+), so a receiver that
     * stalls after its headers is hung up on at the limit.
     */
    @Override
    public CompletableFuture<Response> postAsync(
            String url, Map<String, String> headers, String body, Duration timeout) {
        long start = System.nanoTime();
        HttpRequest built;
        try {
            var uri = URI.create(url);
            var refusal = policy.refusal(uri);
            if (refusal.isPresent()) {
                return CompletableFuture.completedFuture(
                        new Response(0, null, elapsed(start), REFUSED + ": " + refusal.get()));
            }
            var request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            built = request.build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(start, e));
        }
        var exchange = client.sendAsync(built, CappedBody.HANDLER);
        var timedOut = new AtomicBoolean();
        var timer = TIMER.schedule(
                () -> {
                    if (!exchange.isDone()) {
                        timedOut.set(true);
                        exchange.cancel(true);
                    }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        return exchange.handle((response, error) -> {
            timer.cancel(false);
            if (timedOut.get()) {
                return new Response(
                        0,
                        null,
                        elapsed(start),
                        TIMED_OUT + ": no complete answer within " + timeout.toMillis() + " ms");
            }
            if (error != null) {
                return failure(start, cause(error));
            }
            if (response.body() == null) {
                // The status stands (an event push ignores the body); a card callback needs the body.
                return new Response(response.statusCode(), null, elapsed(start), CappedBody.TOO_LARGE);
            }
            return new Response(response.statusCode(), response.body(), elapsed(start), null);
        });
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static Response failure(long start, Throwable e) {
        return new Response(0, null, elapsed(start), e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
