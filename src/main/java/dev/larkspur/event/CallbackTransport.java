package dev.larkspur.event;

import java.util.Map;

/**
 * The way out to a bot's request URL: one POST, at most three seconds. An interface so that the
 * retry and bookkeeping logic can be tested without a network.
 */
public interface CallbackTransport {
    /** What came back: the status (0 when none), the body, how long it took, and any error. */
    record Response(int status, String body, long latencyMs, String error) {
        public boolean ok() {
            return status == 200;
        }
    }

    Response post(String url, Map<String, String> headers, String body);
}
