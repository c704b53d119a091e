package dev.larkspur.web.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after a few failures for one account (email) or many from one
 * address, further attempts wait, and the wait doubles with each failure, up to 15 minutes. A
 * refused attempt does not check the password at all. Counts live in this instance's memory: with
 * several instances each slows its own share, which still caps guessing per instance.
 */
@Component
public class SignInThrottle {
    static final int ACCOUNT_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private record Failures(int count, long lastAt) {}

    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this attempt must still wait, if it must. */
    public Optional<Duration> waitFor(String email, String address) {
        long now = clock.millis();
        long wait = Math.max(
                remaining(failures.getIfPresent(accountKey(email)), ACCOUNT_FREE_FAILURES, now),
                remaining(failures.getIfPresent(addressKey(address)), ADDRESS_FREE_FAILURES, now));
        return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
    }

    public void failed(String email, String address) {
        long now = clock.millis();
        for (String key : new String[] {accountKey(email), addressKey(address)}) {
            failures.asMap().merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        }
    }

    /** A success clears the account's count; the address keeps its count, so one known account cannot reset it. */
    public void succeeded(String email) {
        failures.invalidate(accountKey(email));
    }

    private static long remaining(Failures f, int free, long now) {
        if (f == null || f.count() < free) {
            return 0;
        }
        int doublings = Math.min(f.count() - free, 10);
        long wait = Math.min(FIRST_WAIT.toMillis() << doublings, LONGEST_WAIT.toMillis());
        return f.lastAt() + wait - now;
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
