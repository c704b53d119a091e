package dev.larkspur.event.internal;

import dev.larkspur.event.EventSignals;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes this instance's event workers when another instance records events or deliveries
 * (PostgreSQL LISTEN/NOTIFY; the notifying side is {@link EventNotifier}). On H2, which serves a
 * single instance, it does nothing.
 */
@Component
class PgNotifications implements SmartLifecycle {
    static final String CHANNEL = "larkspur_events";
    private static final Logger log = LoggerFactory.getLogger(PgNotifications.class);
    private final DataSource dataSource;
    private final EventSignals signals;
    private volatile boolean running;
    private Thread listener;

    PgNotifications(DataSource dataSource, EventSignals signals) {
        this.dataSource = dataSource;
        this.signals = signals;
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
                    if (notifications != null && notifications.length > 0) {
                        // Another instance recorded events or made deliveries: either may be for us.
                        signals.wake();
                        signals.wakeDeliveries();
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
