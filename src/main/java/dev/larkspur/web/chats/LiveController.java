package dev.larkspur.web.chats;

import dev.larkspur.web.session.SignedIn;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The browser's live stream (Server-Sent Events): every change of the person's chats, as the
 * timeline renders them (see {@link LiveDispatch}). Signed-in only (BrowserGuard). It starts from
 * the position the page was rendered at ({@code after}) or, when EventSource reconnects by itself,
 * from the last event it received ({@code Last-Event-ID}), so nothing in between is lost.
 */
@Controller
class LiveController {
    private final LiveUpdates live;

    LiveController(LiveUpdates live) {
        this.live = live;
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(
            SignedIn me,
            @RequestParam(name = "after", required = false) String after,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Long from = position(lastEventId);
        return live.open(me, from != null ? from : position(after));
    }

    /** A position the browser sends back; anything else starts the stream from now. */
    private static Long position(String value) {
        if (value == null || value.isBlank() || value.length() > 18) {
            return null;
        }
        try {
            long at = Long.parseLong(value.strip());
            return at >= 0 ? at : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
