package dev.larkspur.event;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way fault injection reaches event delivery: every push attempt passes through {@link
 * #push}, and every ping through {@link #answersPings}. The fault module implements it; with no
 * rules set both are a read of an empty array.
 */
public interface DeliveryFaults {
    /**
     * Runs one push attempt of an event to the app, or instead answers {@code dropped} with the
     * reason when a rule drops it (the attempt then fails like any other and climbs the retry ladder).
     */
    <R> R push(long appPk, Supplier<R> push, Function<String, R> dropped);

    /** False while a rule leaves the app's pings unanswered. */
    boolean answersPings(long appPk);

    /** No faults: for tests that build delivery classes by hand. */
    DeliveryFaults NONE = new DeliveryFaults() {
        @Override
        public <R> R push(long appPk, Supplier<R> push, Function<String, R> dropped) {
            return push.get();
        }

        @Override
        public boolean answersPings(long appPk) {
            return true;
        }
    };
}
