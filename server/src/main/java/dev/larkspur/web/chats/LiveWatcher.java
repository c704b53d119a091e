package dev.larkspur.web.chats;

import dev.larkspur.platform.Caller;
import dev.larkspur.web.session.SignedIn;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One open browser stream: the person, the chats they are in (by key, each with the caller that
 * reads it as them), and where in the change feed it stands. A failed send closes it.
 */
final class LiveWatcher {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A chat watched: its public id and the person's caller in it. */
    record Watched(long chatPk, String chatId, Caller caller) {}

    private final SignedIn me;
    private final String csrf;
    private final SseEmitter emitter;
    private final Map<Long, Watched> chats = new ConcurrentHashMap<>();
    private final long after;
    private volatile boolean closed;

    LiveWatcher(SignedIn me, String csrf, SseEmitter emitter, Map<Long, Watched> chats, long after) {
        this.me = me;
        this.csrf = csrf;
        this.emitter = emitter;
        this.chats.putAll(chats);
        this.after = after;
    }

    SignedIn me() {
        return me;
    }

    /** The session's CSRF token, for the forms inside a rendered message. */
    String csrf() {
        return csrf;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** The feed position the browser knows (from its page or its last event). */
    long after() {
        return after;
    }

    Map<Long, Watched> chats() {
        return chats;
    }

    boolean closed() {
        return closed;
    }

    void close() {
        closed = true;
    }

    /** A named event with a JSON body; {@code position} becomes the stream's Last-Event-ID. */
    void send(String name, Map<String, ?> data, long position) {
        if (closed) {
            return;
        }
        try {
            emitter.send(SseEmitter.event()
                    .id(String.valueOf(position))
                    .name(name)
                    .data(JSON.writeValueAsString(data), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            closed = true;
        }
    }

    /** A comment that keeps proxies from closing an idle stream, and moves its Last-Event-ID on. */
    void heartbeat(long position) {
        if (closed) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().id(String.valueOf(position)).comment("heartbeat"));
        } catch (IOException | IllegalStateException e) {
            closed = true;
        }
    }
}
