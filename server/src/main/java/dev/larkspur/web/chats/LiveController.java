package dev.larkspur.web.chats;

import dev.larkspur.web.session.SignedIn;
import dev.larkspur.web.session.WebSessions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
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
            HttpServletRequest request,
            @RequestParam(name = "after", required = false) String after,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Long from = position(lastEventId);
        return live.open(me, WebSessions.csrfToken(request), from != null ? from : position(after));
    }

    /**
     * A browser that went away while the stream was open: nothing to answer, and no error to log
     * (the central handler would try to write a JSON error into the event stream).
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void gone() {}

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
