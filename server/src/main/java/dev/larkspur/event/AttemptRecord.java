package dev.larkspur.event;

/**
 * The bookkeeping of one attempt, decided before it is written: its number, and on failure when
 * the ladder tries again ({@code retryAt} null: retries are exhausted and the delivery has failed).
 */
record AttemptRecord(int attempt, long at, PushOutcome outcome, Long retryAt) {
    static AttemptRecord of(Delivery delivery, PushOutcome outcome, RetryLadder ladder, long now) {
        int attempt = delivery.attempts() + 1;
        return new AttemptRecord(attempt, now, outcome, outcome.ok() ? null : ladder.next(attempt, now));
    }
}
