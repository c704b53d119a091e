package dev.larkspur.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each app's share of the pushes in flight of one mode, kept work-conserving: an app holds up to
 * {@code perApp} places for certain, so that an app whose receiver stalls or never ACKs holds only
 * its own share and other apps' events keep going out (issue 13 item 4). Beyond its share an app
 * may take places that no other app wants ({@link #takeExtra}), but never the last {@link
 * #reserve()} (half) of the mode's {@code bound}: an app that starts sending while another is over
 * its share finds those free at once, and the receiver that hangs holds no more than half the
 * pushes in flight, and the over-share places come back to the fair claim as their
 * pushes end (at most 3 s). A place is taken when a delivery is claimed and given back when its
 * attempt is recorded.
 */
final class AppShares {
    private final int perApp;
    private final int bound;
    private final int reserve;
    private final Map<Long, Integer> inFlight = new HashMap<>();
    private int total;

    AppShares(int perApp, int bound) {
        if (perApp <= 0 || bound < perApp) {
            throw new IllegalArgumentException("an app's share must be at least one push and at most the bound");
        }
        this.perApp = perApp;
        this.bound = bound;
        this.reserve = Math.max(1, bound / 2);
    }

    /** Takes a place within the app's share, or says there is none. */
    synchronized boolean take(long appPk) {
        int now = inFlight.getOrDefault(appPk, 0);
        if (now >= perApp || total >= bound) {
            return false;
        }
        put(appPk, now + 1);
        return true;
    }

    /**
     * Takes a place beyond the app's share, for work no app under its share is waiting for; none
     * when that would leave less than the reserve free.
     */
    synchronized boolean takeExtra(long appPk) {
        int now = inFlight.getOrDefault(appPk, 0);
        if (now < perApp ? total >= bound : total >= bound - reserve) {
            return false;
        }
        put(appPk, now + 1);
        return true;
    }

    synchronized void give(long appPk) {
        var now = inFlight.get(appPk);
        if (now != null) {
            put(appPk, now - 1);
        }
    }

    /** The apps at or over their share, whose deliveries a fair claim should leave alone. */
    synchronized List<Long> full() {
        return inFlight.entrySet().stream()
                .filter(e -> e.getValue() >= perApp)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** How many places over-share work may still take without eating into the reserve. */
    synchronized int spare() {
        return Math.max(0, bound - reserve - total);
    }

    int reserve() {
        return reserve;
    }

    synchronized int inFlight(long appPk) {
        return inFlight.getOrDefault(appPk, 0);
    }

    private void put(long appPk, int n) {
        total += n - inFlight.getOrDefault(appPk, 0);
        if (n <= 0) {
            inFlight.remove(appPk);
        } else {
            inFlight.put(appPk, n);
        }
    }
}
