package dev.larkspur.event;

/**
 * What came of one push, as the attempt log keeps it: the status the receiver gave (HTTP status or
 * ACK code; null when none came), how long it took, and why it failed (null on success).
 */
record PushOutcome(Integer status, long latencyMs, String error) {
    static final int OK = 200;

    static PushOutcome delivered(long latencyMs) {
        return new PushOutcome(OK, latencyMs, null);
    }

    static PushOutcome failed(Integer status, long latencyMs, String error) {
        if (error == null) {
            throw new IllegalArgumentException("a failed push needs a reason");
        }
        return new PushOutcome(status, latencyMs, error);
    }

    /** Nothing was sent: the reason is ours, not the receiver's. */
    static PushOutcome notSent(String error) {
        return failed(null, 0, error);
    }

    boolean ok() {
        return error == null;
    }
}
