package dev.larkspur.event.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * How far fan-out has read the outbox: the highest key read, and the ranges of keys below it that
 * were missing when a higher one was read. A key is given out when a transaction inserts its event
 * and shows when that transaction commits, so fan-out can read key 11 before key 10 commits; a bare
 * "after 11" would then lose 10 for good. A missing range is read again until its keys show up or,
 * after {@link #GAP_MILLIS} in which none of them did, it is taken for a rollback's hole (or keys a
 * sequence skipped).
 *
 * <p>This replaces a flag rewritten on every outbox row once fanned out (issue 14): on PostgreSQL
 * that update was 10.8% of the database's time in the benchmark's send step, and the dead index
 * entries it left made each fan-out read slower. Kept in one row, {@code fanout_cursor}, so that the
 * instance that locks it next, or this one after a restart, goes on from here. Not thread-safe: the
 * transaction that holds the row owns it.
 */
public final class FanoutCursor {
    /**
     * Far longer than any transaction that writes an event; a range missing this long is given up.
     * Rereading a rollback's hole costs one indexed read per fan-out round meanwhile.
     */
    public static final long GAP_MILLIS = 120_000;

    /** Keys {@code from} to {@code to} (both included), none of which showed up since {@code since}. */
    public record Gap(long from, long to, long since) {
        public Gap {
            if (from > to) {
                throw new IllegalArgumentException("empty gap " + from + "-" + to);
            }
        }
    }

    private long high;
    private final List<Gap> gaps;
    private boolean changed;

    FanoutCursor(long high, List<Gap> gaps) {
        this.high = high;
        this.gaps = new ArrayList<>(gaps);
        this.gaps.sort((a, b) -> Long.compare(a.from(), b.from()));
    }

    /** Every key above this one is still to read. */
    public long high() {
        return high;
    }

    /** The ranges to read again, lowest keys first. */
    public List<Gap> gaps() {
        return List.copyOf(gaps);
    }

    /** Whether {@link #accept} or {@link #expire} moved anything since this cursor was read. */
    public boolean changed() {
        return changed;
    }

    /** Gives up the ranges of which no key showed up for longer than {@link #GAP_MILLIS}. */
    public void expire(long now) {
        changed |= gaps.removeIf(gap -> now - gap.since() > GAP_MILLIS);
    }

    /**
     * Takes the keys a read returned: those above {@link #high()} move it up, leaving a gap for any
     * key skipped on the way; those in a gap close it there, and what is left of that gap waits
     * afresh (a long run of late keys is being read; more may follow). Other keys (read twice)
     * change nothing.
     */
    public void accept(Collection<Long> keys, long now) {
        for (long key : new TreeSet<>(keys)) {
            if (key > high) {
                if (key > high + 1) {
                    gaps.add(new Gap(high + 1, key - 1, now));
                }
                high = key;
                changed = true;
            } else {
                changed |= close(key, now);
            }
        }
    }

    private boolean close(long key, long now) {
        for (int i = 0; i < gaps.size(); i++) {
            var gap = gaps.get(i);
            if (key < gap.from() || key > gap.to()) {
                continue;
            }
            gaps.remove(i);
            if (key < gap.to()) {
                gaps.add(i, new Gap(key + 1, gap.to(), now));
            }
            if (key > gap.from()) {
                gaps.add(i, new Gap(gap.from(), key - 1, now));
            }
            return true;
        }
        return false;
    }

    /** The gaps as stored: {@code from-to@since} joined by commas, or empty. */
    public String encodedGaps() {
        var out = new StringBuilder();
        for (var gap : gaps) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(gap.from()).append('-').append(gap.to()).append('@').append(gap.since());
        }
        return out.toString();
    }

    /** A cursor as {@link #encodedGaps} stored it. */
    public static FanoutCursor decode(long high, String encodedGaps) {
        var gaps = new ArrayList<Gap>();
        if (encodedGaps != null && !encodedGaps.isEmpty()) {
            for (String part : encodedGaps.split(",")) {
                int dash = part.indexOf('-');
                int at = part.indexOf('@');
                gaps.add(new Gap(
                        Long.parseLong(part.substring(0, dash)),
                        Long.parseLong(part.substring(dash + 1, at)),
                        Long.parseLong(part.substring(at + 1))));
            }
        }
        return new FanoutCursor(high, gaps);
    }
}
