package dev.larkspur.web.chats;

import dev.larkspur.event.Outbox;
import dev.larkspur.event.StoredEvent;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The browsers' change feed: every change records outbox events in its own transaction (the Feishu
 * ones, and the server's own {@code larkspur.*} signals for changes Feishu announces to no app), so
 * one indexed read of the outbox by key, per wake-up and for all browsers of this instance, finds
 * every change made on any instance. The newest events are kept a while so that a browser that
 * reconnects (or a page that opens its stream a moment after it was rendered) is told what it
 * missed since the position it knows. Read by the live-updates thread only, except {@link #position()}.
 */
@Component
class LiveFeed {
    /** Events per read; a busier outbox is read in several. */
    static final int BATCH = 500;
    /** Reads per wake-up at most, so that one wake-up never holds the thread for long. */
    static final int READS = 10;
    /** Events kept for streams that reconnect. */
    static final int KEPT = 2_000;
    /** A late event (see {@link FeedPosition}) is told to streams opening within this after it. */
    static final long LATE_MILLIS = 10_000;

    private final Outbox outbox;
    private final Clock clock;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private FeedPosition at;
    /** Keys up to this are either kept or told to no stream that starts later. */
    private long floor;

    private volatile long position;

    private record Kept(FeedPosition.Seen seen, long arrivedAt) {}

    LiveFeed(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Starts at the newest event: what happened before is on the pages already. */
    void start() {
        long latest = outbox.latestPk();
        at = new FeedPosition(latest);
        floor = latest;
        position = latest;
    }

    /**
     * The key up to which this instance has read: a page rendered after asking this holds every
     * change up to it, so its stream starts here.
     */
    long position() {
        return position;
    }

    /** The events recorded since the last read, oldest first; bounded by {@link #READS} reads. */
    List<StoredEvent> read() {
        var fresh = new ArrayList<StoredEvent>();
        for (int i = 0; i < READS; i++) {
            long now = clock.millis();
            var batch = outbox.after(at.high(), at.gaps(now), BATCH);
            for (var seen : at.accept(batch, now)) {
                keep(seen, now);
                fresh.add(seen.event());
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        position = at.high();
        return fresh;
    }

    private void keep(FeedPosition.Seen seen, long now) {
        kept.addLast(new Kept(seen, now));
        while (kept.size() > KEPT) {
            floor = Math.max(floor, kept.removeFirst().seen().event().pk());
        }
    }

    /**
     * What a stream that knows every change up to {@code after} has missed, or empty when that is
     * no longer kept (the browser then reloads its page).
     */
    Optional<List<StoredEvent>> since(long after) {
        if (after < floor) {
            return Optional.empty();
        }
        long now = clock.millis();
        var missed = new ArrayList<StoredEvent>();
        for (var k : kept) {
            var event = k.seen().event();
            if (event.pk() > after || (k.seen().late() && now - k.arrivedAt() <= LATE_MILLIS)) {
                missed.add(event);
            }
        }
        return Optional.of(missed);
    }
}
