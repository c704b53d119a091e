package dev.larkspur.event;

import dev.larkspur.directory.App;
import dev.larkspur.event.internal.DeliveryRepository;
import dev.larkspur.event.internal.EventNotifier;
import dev.larkspur.event.internal.FanoutCursor;
import dev.larkspur.event.internal.FanoutRepository;
import dev.larkspur.platform.CommitBarrier;
import dev.larkspur.platform.EventsPool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns outbox events into deliveries for the apps that may see them: the one app named, or the
 * bots in the chat; each subscribed to the type (an app without settings takes every type),
 * holding its scopes and passing the receive rules. Each delivery goes the way the app's settings
 * say ({@link EventSettings#deliveryMode()}). Reads the outbox by key from a {@link FanoutCursor}
 * that one instance at a time holds, in the transaction that makes the deliveries.
 * The server's own signals ({@link Outbox#INTERNAL_PREFIX}) reach no app, whatever it subscribes to.
 */
@Component
public class Fanout {
    static final int BATCH = 200;
    private final FanoutRepository outbox;
    private final DeliveryRepository deliveries;
    private final ChatBots chatBots;
    private final EventApps apps;
    private final EventSettingsService settings;
    private final JsonMapper json;
    private final EventNotifier notifier;
    private final TransactionTemplate tx;
    private final EventMeter meter;
    private final CommitBarrier barrier;
    private final EventSignals signals;
    private final Clock clock;

    Fanout(
            FanoutRepository outbox,
            DeliveryRepository deliveries,
            ChatBots chatBots,
            EventApps apps,
            EventSettingsService settings,
            JsonMapper json,
            EventNotifier notifier,
            @EventsPool TransactionTemplate tx,
            EventMeter meter,
            CommitBarrier barrier,
            EventSignals signals,
            Clock clock) {
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.chatBots = chatBots;
        this.apps = apps;
        this.settings = settings;
        this.json = json;
        this.notifier = notifier;
        this.tx = tx;
        this.meter = meter;
        this.barrier = barrier;
        this.signals = signals;
        this.clock = clock;
    }

    /**
     * Fans out one batch and, once it has committed, wakes the loops of the modes it made
     * deliveries for, telling them to which apps; returns how many events it handled.
     */
    public int runOnce() {
        var made = new int[1];
        var appsByMode = new TreeMap<String, Set<Long>>();
        Integer handled = tx.execute(status -> {
            var cursor = outbox.lock();
            boolean hadGaps = !cursor.gaps().isEmpty();
            // Before the gaps are read again: which of them can still fill (see FanoutCursor).
            var snapshot = hadGaps ? outbox.snapshot() : Optional.<FanoutRepository.Snapshot>empty();
            snapshot.ifPresent(s -> cursor.stamp(s.xmax()));
            long now = clock.millis();
            var events = read(cursor);
            cursor.accept(events.stream().map(StoredEvent::pk).toList(), now);
            if (hadGaps) {
                cursor.expire(now, snapshot.map(FanoutRepository.Snapshot::xmin).orElse(null));
            }
            if (!events.isEmpty()) {
                // Their transactions are committed but may not be durable yet; no bot hears of them before.
                barrier.awaitEarlierCommits();
            }
            var appCache = new HashMap<Long, Optional<App>>();
            var settingsCache = new HashMap<Long, EventSettings>();
            var rows = new ArrayList<DeliveryRepository.NewDelivery>();
            var hiddenCache = new HashMap<Long, Boolean>();
            for (var event : events) {
                if (Outbox.internal(event.eventType())) {
                    continue;
                }
                var body = json.readTree(event.payload());
                // Events of a chat between two people reach no bot (issue 17). Such a chat has no bot
                // members, so only an event addressed to one app could leak from it.
                if (event.onlyAppPk() != null
                        && event.chatPk() != null
                        && hiddenCache.computeIfAbsent(event.chatPk(), chatBots::hiddenFromBots)) {
                    continue;
                }
                List<Long> candidates = event.onlyAppPk() != null
                        ? List.of(event.onlyAppPk())
                        : event.chatPk() != null ? chatBots.botsIn(event.chatPk()) : List.of();
                for (long appPk : candidates) {
                    var app = appCache.computeIfAbsent(appPk, apps::findByPk);
                    var config = settingsCache.computeIfAbsent(appPk, settings::recentOrDefaults);
                    if (app.isEmpty() || !config.subscribes(event.eventType())) {
                        continue;
                    }
                    if (Audience.mayReceive(app.get(), event, body)) {
                        rows.add(new DeliveryRepository.NewDelivery(
                                event.pk(), appPk, event.eventType(), config.deliveryMode()));
                    }
                }
            }
            made[0] = rows.size();
            rows.forEach(row ->
                    appsByMode.computeIfAbsent(row.mode(), m -> new HashSet<>()).add(row.appPk()));
            if (!rows.isEmpty()) {
                deliveries.insert(rows, now);
            }
            if (cursor.changed()) {
                outbox.save(cursor);
            }
            return events.size();
        });
        meter.fannedOut(made[0]);
        // After the commit: the NOTIFY goes out on its own, and must not wake others before it.
        appsByMode.forEach(signals::wakeDeliveries);
        notifier.deliveriesMade(appsByMode.keySet());
        return handled == null ? 0 : handled;
    }

    /**
     * Up to a batch of events: first those that showed up late in the cursor's gaps (oldest
     * first), then those after it. The gaps are read range by range, each by the primary key.
     */
    private List<StoredEvent> read(FanoutCursor cursor) {
        var events = new ArrayList<StoredEvent>();
        for (var gap : cursor.gaps()) {
            if (events.size() == BATCH) {
                return events;
            }
            events.addAll(outbox.between(gap.from(), gap.to(), BATCH - events.size()));
        }
        if (events.size() < BATCH) {
            events.addAll(outbox.after(cursor.high(), BATCH - events.size()));
        }
        return events;
    }
}
