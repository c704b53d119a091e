package dev.larkspur.event;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Wakes the event workers when there is new work in this process, so that delivery does not wait
 * for the next poll. Other instances find the work on their own poll, or sooner when told by
 * PostgreSQL NOTIFY. One signal for new events (fan-out and the browsers' live updates) and one per
 * delivery mode, so that each loop wakes only for its own work: when every fan-out woke both
 * modes, the long-connection loop claimed after 97% of the sends on PostgreSQL, found nothing, and
 * that empty claim was 5.2% of the database's time (bench/results/report.md, December 2026).
 */
@Component
public class EventSignals {
    private final Signal events = new Signal();
    private final Map<String, Deliveries> deliveries =
            EventSettings.MODES.stream().collect(Collectors.toUnmodifiableMap(mode -> mode, mode -> new Deliveries()));

    /**
     * A mode's signal, and what was made due since its loop last asked ({@link #takeFresh}): the
     * apps named, or deliveries of apps unknown.
     */
    private record Deliveries(Signal signal, Set<Long> apps, AtomicBoolean unknown) {
        Deliveries() {
            this(new Signal(), ConcurrentHashMap.newKeySet(), new AtomicBoolean());
        }
    }

    /**
     * What was made due since the last {@link #takeFresh}: deliveries to {@code apps}, and when
     * {@code unknown}, to apps not named (a replay, another instance's word).
     */
    record Fresh(boolean unknown, Set<Long> apps) {}

    /** New events were recorded. */
    public void wake() {
        events.wake();
    }

    /** New deliveries of the mode to these apps are due (fanned out). */
    void wakeDeliveries(String mode, Collection<Long> apps) {
        var mine = of(mode);
        mine.apps().addAll(apps);
        mine.signal().wake();
    }

    /** New deliveries of the mode are due, to apps not named (replayed, or announced by another instance). */
    public void wakeDeliveries(String mode) {
        var mine = of(mode);
        mine.unknown().set(true);
        mine.signal().wake();
    }

    /** New deliveries may be due in any mode: another instance did not say which. */
    public void wakeAllDeliveries() {
        deliveries.keySet().forEach(this::wakeDeliveries);
    }

    /** Places in flight came back: the mode's loop may claim again, though no new work came. */
    void wakeForPlaces(String mode) {
        of(mode).signal().wake();
    }

    /**
     * What {@link #wakeDeliveries} said of the mode since the last call; nothing: no delivery of it
     * was made due but by the passing of time. For the mode's one dispatch loop.
     */
    Fresh takeFresh(String mode) {
        var mine = of(mode);
        boolean unknown = mine.unknown().getAndSet(false);
        var apps = new HashSet<Long>();
        for (var app : mine.apps()) {
            if (mine.apps().remove(app)) {
                apps.add(app);
            }
        }
        return new Fresh(unknown, apps);
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

    long deliveryGeneration(String mode) {
        return of(mode).signal().generation();
    }

    void awaitDeliveries(String mode, long seen, long millis) throws InterruptedException {
        of(mode).signal().await(seen, millis);
    }

    private Deliveries of(String mode) {
        var mine = deliveries.get(mode);
        if (mine == null) {
            throw new IllegalArgumentException("no delivery mode " + mode);
        }
        return mine;
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
