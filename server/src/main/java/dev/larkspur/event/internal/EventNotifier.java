package dev.larkspur.event.internal;

import dev.larkspur.platform.EventsPool;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * only delays them. Its payload names this instance, which has woken its own workers already and
 * so ignores it ({@link PgNotifications}), and the work: {@value #EVENTS} and the delivery modes
 * that have new deliveries, so that each instance wakes only the loops that have work.
 */
@Component
public class EventNotifier implements AutoCloseable {
    static final String EVENTS = "events";
    private static final Logger log = LoggerFactory.getLogger(EventNotifier.class);
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final String instance = UUID.randomUUID().toString();
    /** Work announced and not yet sent; while a word is here, a NOTIFY that will carry it is queued. */
    private final Set<String> work = ConcurrentHashMap.newKeySet();

    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "larkspur-notify");
        thread.setDaemon(true);
        return thread;
    });

    EventNotifier(@EventsPool JdbcClient jdbc, @EventsPool DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = DatabaseProduct.isPostgres(dataSource);
    }

    /** Called after a commit that recorded events; returns at once. */
    public void eventsRecorded() {
        announce(List.of(EVENTS));
    }

    /** Called after a commit that made deliveries of these modes; returns at once. */
    public void deliveriesMade(Collection<String> modes) {
        announce(modes);
    }

    /** This process's name in the payloads, told apart from other instances'. */
    String instance() {
        return instance;
    }

    private void announce(Collection<String> what) {
        if (!postgres || what.isEmpty()) {
            return;
        }
        // Only new words need a NOTIFY of their own; the others ride with the one already queued.
        if (work.addAll(what)) {
            sender.execute(this::send);
        }
    }

    private void send() {
        var words = new ArrayList<String>();
        for (var word : work) {
            if (work.remove(word)) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("select pg_notify('" + PgNotifications.CHANNEL + "', :payload)")
                    .param("payload", instance + " " + String.join(" ", words))
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
