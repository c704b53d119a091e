package dev.larkspur.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time plus an offset the tests move forward, to expire and rotate tokens without waiting
 * while retries and timeouts still see time pass. {@link #freeze()} stops real time, so that only
 * {@link #advance} moves the clock: for rules about how much happens within a second.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozenAt = new AtomicReference<>();

    public static MutableClock startingNow() {
        return new MutableClock();
    }

    /** A clock that stands still at the current time until advanced. */
    public static MutableClock frozen() {
        var clock = new MutableClock();
        clock.freeze();
        return clock;
    }

    /** From now on only {@link #advance} moves this clock. */
    public void freeze() {
        frozenAt.compareAndSet(null, Instant.now());
    }

    /** Real time passes again, from where the clock stood. */
    public void unfreeze() {
        var at = frozenAt.getAndSet(null);
        if (at != null) {
            offset.updateAndGet(o -> o.minus(Duration.between(at, Instant.now())));
        }
    }

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        var at = frozenAt.get();
        return (at != null ? at : Instant.now()).plus(offset.get());
    }
}
