package dev.larkspur.chat.internal;

import dev.larkspur.platform.BackgroundWrites;
import dev.larkspur.platform.EventsPool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chats' latest activity, kept in memory and written to {@code chat.last_active_at} in one batch a
 * second, instead of by every send: an update of the chat row in the send's transaction held that
 * row until commit, so every send into a busy chat waited for the one before (on PostgreSQL).
 * Reads stay exact: every chat row read takes the later of its stored and its pending time, and a
 * list ordered by activity writes what is pending first. A killed process loses at most the last
 * second's pending times; at start-up every chat is put right from its newest message.
 */
@Component
public class ActivityBuffer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ActivityBuffer.class);
    private final Map<Long, Long> pending = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(work -> {
        var thread = new Thread(work, "larkspur-chat-activity");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The batches go through the events pool: a connection of their own, never the read-only
     * transaction of the list that asks for them.
     */
    ActivityBuffer(JdbcClient jdbc, @EventsPool DataSource background) {
        this.jdbc = jdbc;
        this.batches = new JdbcTemplate(background);
        flusher.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** A message was posted (and committed) in the chat at {@code now}. */
    public void record(long chatPk, long now) {
        pending.merge(chatPk, now, Math::max);
    }

    /** The chat's latest activity: the stored time, or a later one not yet written. */
    long overlay(long chatPk, long stored) {
        Long later = pending.get(chatPk);
        return later == null ? stored : Math.max(stored, later);
    }

    /** Writes every pending time, in one batch; a reader that orders by activity calls this first. */
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        var batch = List.copyOf(pending.entrySet());
        // Derived from committed messages and put right at start-up: it need not wait for the disk.
        var rows = batch.stream()
                .map(e -> new Object[] {e.getValue(), e.getKey(), e.getValue()})
                .toList();
        BackgroundWrites.run(() ->
                batches.batchUpdate("update chat set last_active_at = ? where id = ? and last_active_at < ?", rows));
        batch.forEach(e -> pending.remove(e.getKey(), e.getValue()));
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("could not write chat activity; will try again", e);
        }
    }

    /**
     * After a killed process: a chat whose newest message is later than its stored activity gets
     * that message's time (one index probe per chat).
     */
    @EventListener(ApplicationReadyEvent.class)
    void putRight() {
        int fixed = jdbc.sql("update chat set last_active_at = (select max(m.created_at) from message m where"
                        + " m.chat_id = chat.id) where last_active_at < (select max(m.created_at) from message m"
                        + " where m.chat_id = chat.id)")
                .update();
        if (fixed > 0) {
            log.info("chat activity put right from messages in {} chats", fixed);
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        flushQuietly();
    }
}
