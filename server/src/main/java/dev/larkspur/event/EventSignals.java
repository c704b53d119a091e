package dev.larkspur.event;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Wakes the event workers when there is new work in this process, so that delivery does not wait
 * for the next poll. Other instances find the work on their own poll. Two signals, so that each
 * loop wakes only for its own work: new events (fan-out and the browsers' live updates) and
 * deliveries due (the delivery loops), instead of every loop at every commit.
 */
@Component
public class EventSignals {
    private final Signal events = new Signal();
    private final Signal deliveries = new Signal();
    private final AtomicLong newDeliveries = new AtomicLong();

    /** New events were recorded. */
    public void wake() {
        events.wake();
    }

    /** New deliveries are due (fanned out, replayed, or announced by another instance). */
    public void wakeDeliveries() {
        newDeliveries.incrementAndGet();
        deliveries.wake();
    }

    /** Places in flight came back: the delivery loops may claim again, though no new work came. */
    void wakeForPlaces() {
        deliveries.wake();
    }

    /** Counts {@link #wakeDeliveries}: unchanged, no delivery was made due but by the passing of time. */
    long newDeliveries() {
        return newDeliveries.get();
    }

    /**
     * The current generation of the events signal, to wait on without missing a wake-up that comes
     * in between. Public so that the browser's live updates wait on the same signal as fan-out.
     */
    public long generation() {
        return events.generation();
    }

    /** Waits until new events are signalled after {@code seen} or until the timeout passes. */
    public void await(long seen, long millis) throws InterruptedException {
        events.await(seen, millis);
    }

    long deliveryGeneration() {
        return deliveries.generation();
    }

    void awaitDeliveries(long seen, long millis) throws InterruptedException {
        deliveries.await(seen, millis);
    }

    private static final class Signal {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private long generation;

        void wake() {
            lock.lock();
            try {
                generation++;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        long generation() {
            lock.lock();
            try {
                return generation;
            } finally {
                lock.unlock();
            }
        }

        void await(long seen, long millis) throws InterruptedException {
            lock.lock();
            try {
                long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
                while (generation == seen && nanos > 0) {
                    nanos = changed.awaitNanos(nanos);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
