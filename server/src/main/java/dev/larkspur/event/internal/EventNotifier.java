package dev.larkspur.event.internal;

import dev.larkspur.platform.EventsPool;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells other instances there is new work, after the commits that made it: one NOTIFY, on a thread
 * of its own, stands for every commit since the last one went out. A NOTIFY inside each sending
 * transaction took PostgreSQL's database-wide notify lock at every commit, which serialised them;
 * the other instances look for work on their own every poll interval anyway, so a lost wake-up
 * only delays them.
 */
@Component
public class EventNotifier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventNotifier.class);
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(work -> {
        var thread = new Thread(work, "larkspur-notify");
        thread.setDaemon(true);
        return thread;
    });

    EventNotifier(@EventsPool JdbcClient jdbc, @EventsPool DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = DatabaseProduct.isPostgres(dataSource);
    }

    /** Called after a commit that recorded events; returns at once. */
    public void notifyOthers() {
        // A NOTIFY already queued (not yet begun) covers this commit too.
        if (postgres && wanted.compareAndSet(false, true)) {
            sender.execute(this::send);
        }
    }

    private void send() {
        wanted.set(false);
        try {
            jdbc.sql("select pg_notify('" + PgNotifications.CHANNEL + "', '')")
                    .query()
                    .singleValue();
        } catch (RuntimeException e) {
            log.debug("NOTIFY failed; other instances will find the work when they next look", e);
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
