package dev.larkspur.fault.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection of a request that a {@code close} rule took, without writing a byte of
 * answer: the client sees the connection end, as when a gateway drops it. The servlet API cannot
 * do this, so the interceptor marks the request and this valve asks Tomcat once the request is done.
 */
class ConnectionCloseValve extends ValveBase {
    static final String CLOSE = ConnectionCloseValve.class.getName() + ".close";

    ConnectionCloseValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(CLOSE) != null) {
            request.getCoyoteRequest().action(ActionCode.CLOSE_NOW, null);
        }
    }
}
