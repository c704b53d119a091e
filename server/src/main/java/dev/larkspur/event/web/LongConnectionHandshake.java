package dev.larkspur.event.web;

import dev.larkspur.event.LongConnectionRefused;
import dev.larkspur.event.LongConnections;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admits a WebSocket upgrade by its ticket. A refusal is a plain HTTP answer with the
 * {@code Handshake-*} headers the Java and Go SDKs read to choose between retrying and stopping
 * (spec/protocols.md §4.4).
 */
@Component
class LongConnectionHandshake implements HandshakeInterceptor {
    static final String ADMISSION = LongConnections.Admission.class.getName();
    private final LongConnections connections;

    LongConnectionHandshake(LongConnections connections) {
        this.connections = connections;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        String ticket = UriComponentsBuilder.fromUri(request.getURI())
                .build()
                .getQueryParams()
                .getFirst("ticket");
        try {
            attributes.put(ADMISSION, connections.admit(ticket));
            return true;
        } catch (LongConnectionRefused e) {
            response.setStatusCode(
                    e.serverBusy()
                            ? HttpStatus.SERVICE_UNAVAILABLE
                            : e.authErrCode() != null ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED);
            response.getHeaders().set("Handshake-Status", String.valueOf(e.status()));
            response.getHeaders().set("Handshake-Msg", e.getMessage());
            if (e.authErrCode() != null) {
                response.getHeaders().set("Handshake-Autherrcode", String.valueOf(e.authErrCode()));
            }
            return false;
        }
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {
        // A failed upgrade leaves a reservation behind; LongConnections releases it after a while.
    }
}
