package dev.larkspur.fault;

import java.util.Arrays;
import java.util.Optional;

/** What a rule does, and to which traffic: Open API calls, event pushes or long connections. */
public enum FaultAction {
    /** Answer an Open API call with a Feishu error (code, HTTP status, message). */
    ERROR(FaultKind.OPEN_API),
    /** Hold an Open API call for {@code latency_ms}, then serve it. */
    LATENCY(FaultKind.OPEN_API),
    /** Close an Open API call's connection without any answer. */
    CLOSE(FaultKind.OPEN_API),
    /** Fail a push without sending it: it climbs the retry ladder like any failed attempt. */
    DROP(FaultKind.DELIVERY),
    /** Send a push twice: the bot sees the same {@code event_id} twice. */
    DUPLICATE(FaultKind.DELIVERY),
    /** Hold a push for {@code latency_ms}. */
    DELAY(FaultKind.DELIVERY),
    /** Hold each push a random time up to {@code window_ms}, so pushes in that window cross. */
    REORDER(FaultKind.DELIVERY),
    /** Close the app's live long connections when the rule is set. */
    CLOSE_CONNECTIONS(FaultKind.LONG_CONNECTION),
    /** Leave the app's pings unanswered while the rule lasts. */
    IGNORE_PINGS(FaultKind.LONG_CONNECTION);

    private final FaultKind kind;

    FaultAction(FaultKind kind) {
        this.kind = kind;
    }

    public FaultKind kind() {
        return kind;
    }

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<FaultAction> of(String wireName) {
        return Arrays.stream(values())
                .filter(a -> a.wireName().equals(wireName))
                .findFirst();
    }

    public enum FaultKind {
        OPEN_API,
        DELIVERY,
        LONG_CONNECTION;

        public String wireName() {
            return name().toLowerCase();
        }
    }
}
