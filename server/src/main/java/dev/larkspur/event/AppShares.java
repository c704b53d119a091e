package dev.larkspur.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each app's share of the pushes in flight of one mode: at most {@code perApp} at once, so that an
 * app whose receiver stalls or never ACKs holds only its own share, and other apps' events keep
 * going out (issue 13 item 4). A place is taken when a delivery is claimed and given back when its
 * attempt is recorded.
 */
final class AppShares {
    private final int perApp;
    private final Map<Long, Integer> inFlight = new HashMap<>();

    AppShares(int perApp) {
        if (perApp <= 0) {
            throw new IllegalArgumentException("an app's share must be at least one push");
        }
        this.perApp = perApp;
    }

    /** Takes a place for one push of the app, or says there is none. */
    synchronized boolean take(long appPk) {
        int now = inFlight.getOrDefault(appPk, 0);
        if (now >= perApp) {
            return false;
        }
        inFlight.put(appPk, now + 1);
        return true;
    }

    synchronized void give(long appPk) {
        inFlight.computeIfPresent(appPk, (app, n) -> n <= 1 ? null : n - 1);
    }

    /** The apps with no place left, whose deliveries a claim should leave alone. */
    synchronized List<Long> full() {
        return inFlight.entrySet().stream()
                .filter(e -> e.getValue() >= perApp)
                .map(Map.Entry::getKey)
                .toList();
    }

    synchronized int inFlight(long appPk) {
        return inFlight.getOrDefault(appPk, 0);
    }
}
