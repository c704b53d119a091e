package dev.larkspur.event.internal;

import dev.larkspur.event.EventSettings;
import dev.larkspur.event.EventSignals;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes this instance's event workers when another instance records events or makes deliveries
 * (PostgreSQL LISTEN/NOTIFY; the notifying side is {@link EventNotifier}): only the loops that have
 * work. On H2, which serves a single instance, it does nothing.
 */
@Component
class PgNotifications implements SmartLifecycle {
    static final String CHANNEL = "larkspur_events";
    private static final Logger log = LoggerFactory.getLogger(PgNotifications.class);
    private final DataSource dataSource;
    private final EventSignals signals;
    private final EventNotifier notifier;
    private volatile boolean running;
    private Thread listener;

    PgNotifications(DataSource dataSource, EventSignals signals, EventNotifier notifier) {
        this.dataSource = dataSource;
        this.signals = signals;
        this.notifier = notifier;
    }

    @Override
    public void start() {
        if (!DatabaseProduct.isPostgres(dataSource)) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "larkspur-pg-listen");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                var pg = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (var notification : notifications) {
                            wake(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("LISTEN connection lost; reconnecting", e);
                    sleepQuietly();
                }
            }
        }
    }

    private void wake(String payload) {
        var work = Work.read(payload, notifier.instance());
        if (work.events()) {
            signals.wake();
        }
        work.modes().forEach(signals::wakeDeliveries);
    }

    /**
     * What another instance's NOTIFY says there is to do ({@link EventNotifier}): new events, and
     * new deliveries of which modes. Nothing for this instance's own, whose commits woke its loops
     * already; everything for a payload it cannot read.
     */
    record Work(boolean events, Set<String> modes) {
        private static final Set<String> MODES = Set.copyOf(EventSettings.MODES);

        static Work read(String payload, String self) {
            var words =
                    payload == null ? List.<String>of() : List.of(payload.trim().split(" +"));
            if (words.size() < 2) {
                return new Work(true, MODES);
            }
            if (words.get(0).equals(self)) {
                return new Work(false, Set.of());
            }
            boolean events = false;
            var modes = new TreeSet<String>();
            for (var word : words.subList(1, words.size())) {
                if (word.equals(EventNotifier.EVENTS)) {
                    events = true;
                } else if (MODES.contains(word)) {
                    modes.add(word);
                } else {
                    return new Work(true, MODES);
                }
            }
            return new Work(events, modes);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
