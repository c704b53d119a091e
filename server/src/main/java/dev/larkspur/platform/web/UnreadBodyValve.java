package dev.larkspur.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Lets a refusal leave the rest of a body unread. Once a request is answered, Tomcat reads and drops
 * whatever of its body is still unsent (up to {@code max-swallow-size}), blocking a thread while it
 * waits for each byte; a client that stalls mid-body would hold that thread for the connection
 * timeout, however fast the answer was. The servlet API has no way to say "don't", so this valve
 * hands each request a hook that tells Tomcat to close the connection after the answer instead.
 */
class UnreadBodyValve extends ValveBase {
    private static final String HOOK = UnreadBodyValve.class.getName() + ".drop";

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        Runnable drop = () -> {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            // Tomcat records that as an error; the answer already written is its report, so the
            // error page (whose dispatch would read the body again) is not called.
            response.setErrorReported();
        };
        request.setAttribute(HOOK, drop);
        getNext().invoke(request, response);
    }

    /** The connection closes after this request's answer, without reading the rest of its body. */
    static void dropUnreadBody(HttpServletRequest request) {
        if (request.getAttribute(HOOK) instanceof Runnable drop) {
            drop.run();
        }
    }
}
