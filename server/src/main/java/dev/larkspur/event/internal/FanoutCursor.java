package dev.larkspur.event.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * How far fan-out has read the outbox: the highest key read, and the ranges of keys below it that
 * were missing when a higher one was read. A key is given out when a transaction inserts its event
 * and shows when that transaction commits, so fan-out can read key 11 before key 10 commits; a bare
 * "after 11" would then lose 10 for good. A missing range is read again until its keys show up, or
 * until what is still missing can be taken for a rollback's hole (or keys a sequence skipped):
 *
 * <ul>
 *   <li>On PostgreSQL, once every transaction that could still write those keys has ended. The
 *       writers of a range's keys had transaction ids before the first snapshot taken after the
 *       range was found missing; that snapshot's xmax is the range's {@code horizon}. When a later
 *       fan-out starts with no transaction below the horizon still running (its snapshot's xmin is
 *       at least the horizon), its read of the range sees all they wrote, and what it does not
 *       find is never coming. (A writer whose first write is the event takes its key a moment
 *       before its transaction id, so a range also waits {@link #SETTLE_MILLIS} first.)
 *   <li>On H2, which has no such snapshot, after {@link #GAP_MILLIS} in which none of them showed up.
 * </ul>
 *
 * <p>This replaces a flag rewritten on every outbox row once fanned out (issue 14): on PostgreSQL
 * that update was 10.8% of the database's time in the benchmark's send step, and the dead index
 * entries it left made each fan-out read slower. Kept in one row, {@code fanout_cursor}, so that the
 * instance that locks it next, or this one after a restart, goes on from here. Not thread-safe: the
 * transaction that holds the row owns it.
 */
public final class FanoutCursor {
    /**
     * On H2: far longer than any transaction that writes an event; a range missing this long is
     * given up. Rereading a rollback's hole costs one indexed read per fan-out round meanwhile.
     */
    public static final long GAP_MILLIS = 120_000;

    /**
     * On PostgreSQL: how long a range waits at least, whatever the snapshots say. The identity
     * sequence gives out a key and then the insert takes a transaction id; a transaction stalled
     * between the two for longer than this, whose event was its first write, is the case this
     * does not cover.
     */
    public static final long SETTLE_MILLIS = 5_000;

    /**
     * Keys {@code from} to {@code to} (both included), none of which showed up since {@code since};
     * on PostgreSQL, written (if at all) by transactions with ids below {@code horizon} (0 until
     * known).
     */
    public record Gap(long from, long to, long since, long horizon) {
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

    /**
     * Sets the horizon of the ranges that have none yet: the xmax of a PostgreSQL snapshot taken
     * since they were found missing, and before this round reads them again.
     */
    public void stamp(long xmax) {
        for (int i = 0; i < gaps.size(); i++) {
            var gap = gaps.get(i);
            if (gap.horizon() == 0) {
                gaps.set(i, new Gap(gap.from(), gap.to(), gap.since(), xmax));
                changed = true;
            }
        }
    }

    /**
     * Gives up the ranges no key of which can still show up, after this round has read them
     * again: on PostgreSQL ({@code settled} is the xmin of the snapshot {@link #stamp} took) those
     * whose horizon it has reached, after {@link #SETTLE_MILLIS}; on H2 ({@code settled} null)
     * those that waited longer than {@link #GAP_MILLIS}.
     */
    public void expire(long now, Long settled) {
        changed |= gaps.removeIf(gap -> settled == null
                ? now - gap.since() > GAP_MILLIS
                : gap.horizon() != 0 && settled >= gap.horizon() && now - gap.since() > SETTLE_MILLIS);
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
                    gaps.add(new Gap(high + 1, key - 1, now, 0));
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
                gaps.add(i, new Gap(key + 1, gap.to(), now, gap.horizon()));
            }
            if (key > gap.from()) {
                gaps.add(i, new Gap(gap.from(), key - 1, now, gap.horizon()));
            }
            return true;
        }
        return false;
    }

    /** The gaps as stored: {@code from-to@since}, then {@code ^horizon} if known, joined by commas. */
    public String encodedGaps() {
        var out = new StringBuilder();
        for (var gap : gaps) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(gap.from()).append('-').append(gap.to()).append('@').append(gap.since());
            if (gap.horizon() != 0) {
                out.append('^').append(gap.horizon());
            }
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
                int caret = part.indexOf('^');
                int sinceEnd = caret < 0 ? part.length() : caret;
                gaps.add(new Gap(
                        Long.parseLong(part.substring(0, dash)),
                        Long.parseLong(part.substring(dash + 1, at)),
                        Long.parseLong(part.substring(at + 1, sinceEnd)),
                        caret < 0 ? 0 : Long.parseLong(part.substring(caret + 1))));
            }
        }
        return new FanoutCursor(high, gaps);
    }
}
