package dev.larkspur.web.chats;

import dev.larkspur.web.session.SignedIn;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The browser's live stream (Server-Sent Events): new messages of the person's chats, as the
 * timeline renders them. Signed-in only (BrowserGuard); the browser reconnects when it ends.
 */
@Controller
class LiveController {
    private final LiveUpdates live;

    LiveController(LiveUpdates live) {
        this.live = live;
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(SignedIn me) {
        return live.open(me);
    }
}
