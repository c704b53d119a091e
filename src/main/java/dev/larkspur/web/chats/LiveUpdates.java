package dev.larkspur.web.chats;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.chat.LatestMessages;
import dev.larkspur.chat.P2pChats;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.event.EventSignals;
import dev.larkspur.message.Message;
import dev.larkspur.message.MessageQueries;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes new messages to the open browsers of a chat's members. One thread waits on the same
 * signal that wakes the event workers (every sent message records an event; other instances wake
 * it through PostgreSQL NOTIFY), then asks each watched chat for its newest message key: one
 * indexed query per chat, whatever the number of browsers. Only chats whose key moved are read,
 * through the message service and as each person, so the history rules apply as on the page.
 */
@Component
class LiveUpdates implements SmartLifecycle {
    /** A browser reconnects after this (EventSource does so by itself). */
    static final long STREAM_MILLIS = 5 * 60_000L;

    private static final long HEARTBEAT_MILLIS = 20_000L;
    /** Bounds a missed wake-up: the chats are checked at least this often. */
    private static final long POLL_MILLIS = 1_000L;

    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PersonCallers callers;
    private final ChatQueries chats;
    private final P2pChats p2p;
    private final LatestMessages latest;
    private final MessageQueries history;
    private final Timeline timeline;
    private final ITemplateEngine templates;
    private final EventSignals signals;
    private final Map<SseEmitter, Watcher> watchers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    LiveUpdates(
            PersonCallers callers,
            ChatQueries chats,
            P2pChats p2p,
            LatestMessages latest,
            MessageQueries history,
            Timeline timeline,
            ITemplateEngine templates,
            EventSignals signals) {
        this.callers = callers;
        this.chats = chats;
        this.p2p = p2p;
        this.latest = latest;
        this.history = history;
        this.timeline = timeline;
        this.templates = templates;
        this.signals = signals;
    }

    /** Where one watched chat of one browser stands: the newest message it has been told of. */
    private static final class Cursor {
        final String chatId;
        final long chatPk;
        final Caller caller;
        long at;
        Set<String> idsAt = new HashSet<>();

        Cursor(String chatId, long chatPk, Caller caller) {
            this.chatId = chatId;
            this.chatPk = chatPk;
            this.caller = caller;
        }
    }

    private record Watcher(SignedIn me, SseEmitter emitter, List<Cursor> cursors) {}

    /** A new stream for the person: their chats (as of now) are watched from their newest message. */
    SseEmitter open(SignedIn me) {
        var emitter = new SseEmitter(STREAM_MILLIS);
        var cursors = new ArrayList<Cursor>();
        for (var chat : chatsOf(me)) {
            var app = callers.appFor(me, chat).orElse(null);
            if (app == null) {
                continue;
            }
            var cursor = new Cursor(chat.chatId(), chat.pk(), callers.through(me, app));
            latest.latestIn(chat.pk()).ifPresent(l -> {
                cursor.at = l.createdAt();
                cursor.idsAt.add(l.messageId());
            });
            cursors.add(cursor);
        }
        var watcher = new Watcher(me, emitter, cursors);
        emitter.onCompletion(() -> watchers.remove(emitter));
        emitter.onTimeout(() -> watchers.remove(emitter));
        emitter.onError(e -> watchers.remove(emitter));
        watchers.put(emitter, watcher);
        // The first bytes tell the browser the stream is open (and a retry delay for reconnects).
        try {
            emitter.send(SseEmitter.event().comment("open").reconnectTime(2_000));
        } catch (IOException e) {
            watchers.remove(emitter);
        }
        return emitter;
    }

    private List<dev.larkspur.chat.Chat> chatsOf(SignedIn me) {
        var found = new ArrayList<dev.larkspur.chat.Chat>();
        var bots = callers.bots(me);
        if (bots.isEmpty()) {
            return found;
        }
        var actor = new Actor(callers.through(me, bots.get(0)));
        for (var info : chats.list(actor, UserIdType.OPEN_ID, "ByActiveTimeDesc", null, ChatListController.GROUPS)
                .items()) {
            found.add(info.chat());
        }
        for (var bot : bots) {
            p2p.find(bot.pk(), me.userPk()).ifPresent(found::add);
        }
        return found;
    }

    private void run() {
        long lastBeat = System.currentTimeMillis();
        while (running) {
            long seen = signals.generation();
            try {
                if (!watchers.isEmpty()) {
                    check();
                }
                if (System.currentTimeMillis() - lastBeat >= HEARTBEAT_MILLIS) {
                    heartbeat();
                    lastBeat = System.currentTimeMillis();
                }
            } catch (RuntimeException e) {
                log.warn("live updates check failed", e);
            }
            try {
                signals.await(seen, POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One newest-key query per watched chat; the chats that moved are read for their new messages. */
    private void check() {
        var newest = new HashMap<Long, Optional<LatestMessages.Latest>>();
        for (var watcher : List.copyOf(watchers.values())) {
            for (var it = watcher.cursors().iterator(); it.hasNext(); ) {
                var cursor = it.next();
                var top = newest.computeIfAbsent(cursor.chatPk, latest::latestIn);
                if (top.isEmpty()
                        || cursor.idsAt.contains(top.get().messageId())
                        || top.get().createdAt() < cursor.at) {
                    continue;
                }
                try {
                    push(watcher, cursor);
                } catch (FeishuException e) {
                    // No longer a member (or the chat is gone): stop watching it for this browser.
                    it.remove();
                }
            }
        }
    }

    private void push(Watcher watcher, Cursor cursor) {
        // start_time is in seconds: read from the cursor's second and skip what was already told.
        var page = history.list(
                cursor.caller,
                "chat",
                cursor.chatId,
                String.valueOf(cursor.at / 1000),
                null,
                "ByCreateTimeAsc",
                null,
                BATCH);
        var fresh = new ArrayList<Message>();
        for (var m : page.items()) {
            if (m.createdAt() > cursor.at || (m.createdAt() == cursor.at && !cursor.idsAt.contains(m.messageId()))) {
                fresh.add(m);
            }
        }
        for (var m : fresh) {
            if (m.createdAt() > cursor.at) {
                cursor.at = m.createdAt();
                cursor.idsAt = new HashSet<>();
            }
            cursor.idsAt.add(m.messageId());
        }
        if (fresh.isEmpty()) {
            return;
        }
        for (var row : timeline.rows(watcher.me(), fresh)) {
            var context = new Context(Locale.ROOT, Map.of("m", row));
            String html = templates.process("web/fragments/timeline", Set.of("message"), context);
            // The event's data: the chat, the message id (the browser dedupes by it) and its HTML.
            String data = JSON.writeValueAsString(
                    Map.of("chat_id", cursor.chatId, "message_id", row.messageId(), "html", html));
            try {
                watcher.emitter().send(SseEmitter.event().name("message").data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                watchers.remove(watcher.emitter());
                return;
            }
        }
    }

    /** A comment line now and then keeps proxies from closing an idle stream. */
    private void heartbeat() {
        for (var watcher : List.copyOf(watchers.values())) {
            try {
                watcher.emitter().send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                watchers.remove(watcher.emitter());
            }
        }
    }

    @Override
    public void start() {
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
