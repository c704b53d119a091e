package dev.larkspur.event;

import java.time.Duration;
import java.util.List;

/**
 * Feishu's retries after a failed push: 15 s, 5 min, 1 h, 6 h, then it gives up. The factor scales
 * the ladder so that tests run it in seconds.
 */
public record RetryLadder(double factor) {
    static final List<Duration> STEPS =
            List.of(Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(6));

    /** When to try again after {@code attempts} failed tries, or null when retries are exhausted. */
    public Long next(int attempts, long now) {
        if (attempts > STEPS.size()) {
            return null;
        }
        return now + Math.max(1, Math.round(STEPS.get(attempts - 1).toMillis() * factor));
    }
}
