package dev.larkspur.web.chats;

import dev.larkspur.event.EventSignals;
import dev.larkspur.web.session.ActivePeople;
import dev.larkspur.web.session.SignedIn;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes every change of a person's chats to their open browsers: new messages, edits, recalls,
 * reactions, read receipts, card updates, membership and settings changes. One thread waits on the
 * signal that wakes the event workers (other instances wake it through PostgreSQL NOTIFY, and a
 * missed wake-up costs at most {@link #POLL_MILLIS}), reads what changed from the outbox
 * ({@link LiveFeed}: one query per wake-up, whatever the number of browsers) and tells each stream
 * watching the chat ({@link LiveDispatch}). Reading the outbox rather than asking every watched
 * chat for its newest message finds every kind of change, not only new messages, and costs the
 * same for a thousand quiet chats as for one. A new stream is handed to the thread, which first
 * tells it what it missed since its page's position, so nothing falls between page and stream.
 */
@Component
class LiveUpdates implements SmartLifecycle {
    /** A browser reconnects after this (EventSource does so by itself, with its Last-Event-ID). */
    static final long STREAM_MILLIS = 5 * 60_000L;

    private static final long HEARTBEAT_MILLIS = 20_000L;
    /** How soon a stream of someone who resigned ends (their next page request ends the session). */
    static final long ACTIVE_CHECK_MILLIS = 3_000L;

    static final long POLL_MILLIS = 1_000L;
    /**
     * With no stream open, the feed is read at most this often, only to keep its position recent for
     * the pages (a stream that opens is read for at once). Reading at every wake-up with no browser
     * cost 0.65 reads per send, 3% of PostgreSQL's time in the bench's sends (December 2026).
     */
    static final long UNWATCHED_READ_MILLIS = 500L;

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final LiveChats chats;
    private final LiveFeed feed;
    private final LiveDispatch dispatch;
    private final EventSignals signals;
    private final ActivePeople people;
    private final Map<SseEmitter, LiveWatcher> watchers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<LiveWatcher> opening = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private Thread thread;

    LiveUpdates(LiveChats chats, LiveFeed feed, LiveDispatch dispatch, EventSignals signals, ActivePeople people) {
        this.chats = chats;
        this.feed = feed;
        this.dispatch = dispatch;
        this.signals = signals;
        this.people = people;
    }

    /**
     * A new stream for the person, watching their chats as of now. {@code after}: the feed position
     * their page or their last stream knew (null: from now on).
     */
    SseEmitter open(SignedIn me, String csrf, Long after) {
        var emitter = new SseEmitter(STREAM_MILLIS);
        long from = after != null ? after : feed.position();
        var watcher = new LiveWatcher(me, csrf, emitter, chats.of(me), from);
        emitter.onCompletion(() -> forget(watcher));
        emitter.onTimeout(() -> forget(watcher));
        emitter.onError(e -> forget(watcher));
        // The first bytes tell the browser the stream is open (and a retry delay for reconnects).
        try {
            emitter.send(SseEmitter.event().comment("open").reconnectTime(2_000));
        } catch (IOException e) {
            return emitter;
        }
        opening.add(watcher);
        signals.wake();
        return emitter;
    }

    private void forget(LiveWatcher watcher) {
        watcher.close();
        watchers.remove(watcher.emitter());
    }

    private void run() {
        long lastBeat = System.currentTimeMillis();
        long lastCheck = lastBeat;
        long lastRead = 0;
        while (running) {
            long seen = signals.generation();
            long wait = POLL_MILLIS;
            try {
                long now = System.currentTimeMillis();
                boolean unwatched = watchers.isEmpty() && opening.isEmpty();
                if (unwatched && now - lastRead < UNWATCHED_READ_MILLIS) {
                    wait = UNWATCHED_READ_MILLIS - (now - lastRead);
                } else {
                    lastRead = now;
                    var events = feed.read();
                    var live = List.copyOf(watchers.values());
                    if (!events.isEmpty() && !live.isEmpty()) {
                        dispatch.tell(live, events, feed.position());
                    }
                }
                admitOpening();
                if (System.currentTimeMillis() - lastBeat >= HEARTBEAT_MILLIS) {
                    watchers.values().forEach(w -> w.heartbeat(feed.position()));
                    lastBeat = System.currentTimeMillis();
                }
                if (System.currentTimeMillis() - lastCheck >= ACTIVE_CHECK_MILLIS) {
                    endStreamsOfTheGone();
                    lastCheck = System.currentTimeMillis();
                }
                watchers.values().removeIf(LiveWatcher::closed);
            } catch (RuntimeException e) {
                log.warn("live updates failed", e);
            }
            try {
                signals.await(seen, wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Streams of people who resigned are told to reload, which takes their browser to the sign-in
     * page (BrowserGuard ends the session on that request). One query for all open streams.
     */
    private void endStreamsOfTheGone() {
        if (watchers.isEmpty()) {
            return;
        }
        var pks = watchers.values().stream().map(w -> w.me().userPk()).collect(Collectors.toSet());
        var gone = people.gone(pks);
        for (var watcher : List.copyOf(watchers.values())) {
            if (gone.contains(watcher.me().userPk())) {
                watcher.send("reload", Map.of(), feed.position());
                watcher.close();
                watcher.emitter().complete();
            }
        }
    }

    /** New streams are told what they missed, on this thread, before they join the others. */
    private void admitOpening() {
        LiveWatcher watcher;
        while ((watcher = opening.poll()) != null) {
            if (watcher.closed()) {
                continue;
            }
            var missed = feed.since(watcher.after());
            if (missed.isEmpty()) {
                // Too far behind to tell change by change: the browser reloads its page instead.
                watcher.send("reload", Map.of(), feed.position());
                watcher.emitter().complete();
                continue;
            }
            if (!missed.get().isEmpty()) {
                dispatch.tell(List.of(watcher), missed.get(), feed.position());
            }
            watchers.put(watcher.emitter(), watcher);
        }
    }

    @Override
    public void start() {
        feed.start();
        running = true;
        thread = new Thread(this::run, "larkspur-web-live");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        for (var emitter : List.copyOf(watchers.keySet())) {
            emitter.complete();
        }
        watchers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
