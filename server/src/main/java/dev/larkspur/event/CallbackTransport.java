package dev.larkspur.event;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The way out to a bot's request URL: one POST within a time limit. An interface so that the retry
 * and bookkeeping logic can be tested without a network.
 */
public interface CallbackTransport {
    /** Feishu's limit for an event push or a card callback (spec/protocols.md §3.8). */
    Duration DELIVERY_TIMEOUT = Duration.ofSeconds(3);

    /** What came back: the status (0 when none), the body, how long it took, and any error. */
    record Response(int status, String body, long latencyMs, String error) {
        public boolean ok() {
            return status == 200;
        }

        /** No answer within the time limit; distinct from a URL that could not be reached. */
        public boolean timedOut() {
            return error != null && error.startsWith(TIMED_OUT);
        }
    }

    /** How a {@link Response#error()} starts when the answer did not come in time. */
    String TIMED_OUT = "HttpTimeoutException";

    /** How a {@link Response#error()} starts when the request URL policy refused the host. */
    String REFUSED = "RequestUrlRefused";

    /** Posts {@code body}; an answer that takes longer than {@code timeout} counts as none. */
    Response post(String url, Map<String, String> headers, String body, Duration timeout);

    /**
     * As {@link #post}, without holding the caller's thread for the exchange: the answer completes
     * the future, which never completes exceptionally. The same limit and URL policy apply.
     */
    default CompletableFuture<Response> postAsync(
            String url, Map<String, String> headers, String body, Duration timeout) {
        return CompletableFuture.completedFuture(post(url, headers, body, timeout));
    }
}
