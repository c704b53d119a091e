package dev.larkspur.web.chats;

import dev.larkspur.event.StoredEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * How far the change feed has read the outbox: the highest key seen and the keys below it that
 * were missing when a higher one was read. Keys are given out when a transaction inserts and show
 * when it commits, so a reader can see key 11 before key 10 commits; a bare "after 11" would then
 * miss 10 for good. A missing key is asked for again, with the next read, until it shows up or,
 * after {@link #GAP_MILLIS}, is taken for a rollback's hole. Not thread-safe: one reader owns it.
 */
final class FeedPosition {
    /** Far longer than any change's transaction; a rolled-back key is forgotten after this. */
    static final long GAP_MILLIS = 30_000;
    /** A jump of more keys than this (a sequence restarted further on) keeps only the newest holes. */
    static final int MAX_GAPS = 200;

    private long high;
    /** Missing key → when it was first missed; oldest first. */
    private final LinkedHashMap<Long, Long> gaps = new LinkedHashMap<>();

    /** An event read for the first time; {@code late} when it showed up after a higher key. */
    record Seen(StoredEvent event, boolean late) {}

    FeedPosition(long start) {
        this.high = start;
    }

    long high() {
        return high;
    }

    /** The missing keys to ask for again with the next read. */
    List<Long> gaps(long now) {
        gaps.values().removeIf(since -> now - since > GAP_MILLIS);
        return List.copyOf(gaps.keySet());
    }

    /** Takes what a read after {@link #high()} and of the {@link #gaps} returned; the new ones, by key. */
    List<Seen> accept(List<StoredEvent> read, long now) {
        var sorted = new ArrayList<>(read);
        sorted.sort(Comparator.comparingLong(StoredEvent::pk));
        var fresh = new ArrayList<Seen>();
        for (var event : sorted) {
            long pk = event.pk();
            if (pk > high) {
                for (long missing = Math.max(high + 1, pk - MAX_GAPS); missing < pk; missing++) {
                    gaps.put(missing, now);
                }
                high = pk;
                fresh.add(new Seen(event, false));
            } else if (gaps.remove(pk) != null) {
                fresh.add(new Seen(event, true));
            }
        }
        while (gaps.size() > MAX_GAPS) {
            gaps.remove(gaps.keySet().iterator().next());
        }
        return fresh;
    }
}
