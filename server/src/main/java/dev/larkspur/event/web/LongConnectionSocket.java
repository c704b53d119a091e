package dev.larkspur.event.web;

import dev.larkspur.event.LiveConnection;
import dev.larkspur.event.LongConnectionModes;
import dev.larkspur.event.LongConnections;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * {@code /ws/v2}: each binary message is one pbbp2 frame, handed to {@link LongConnections}. Text
 * messages are refused by the base class, as the protocol has none. Messages larger than the
 * session's small buffer arrive in pieces and are put together here, up to {@link #MAX_FRAME_BYTES},
 * so that only the rare large frame costs more memory, and only while it arrives.
 */
@Component
class LongConnectionSocket extends BinaryWebSocketHandler {
    /** A slow client may hold this much unsent data for this long before it is dropped. */
    private static final int SEND_TIME_LIMIT_MS = 10_000;

    private static final int BUFFER_LIMIT = 4 * 1024 * 1024;

    /** ACKs of card callbacks carry the new card, base64-encoded; cards may be 30 KB and more. */
    static final int MAX_FRAME_BYTES = 1024 * 1024;

    private static final String PIECES = LongConnectionSocket.class.getName() + ".pieces";
    private static final String CLOSE_TIMEOUT_PROPERTY = "org.apache.tomcat.websocket.SESSION_CLOSE_TIMEOUT";
    private static final Long CLOSE_TIMEOUT_MS = 2000L;
    private final LongConnections connections;
    private final LongConnectionModes modes;

    LongConnectionSocket(LongConnections connections, LongConnectionModes modes) {
        this.connections = connections;
        this.modes = modes;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        // The Java SDK never answers a Close frame (spec/protocols.md §4.10): drop the TCP connection
        // soon after closing, rather than after Tomcat's default 30 s, so that it notices and reconnects.
        if (session instanceof NativeWebSocketSession nativeSession) {
            var tomcat = nativeSession.getNativeSession(jakarta.websocket.Session.class);
            if (tomcat != null) {
                tomcat.getUserProperties().put(CLOSE_TIMEOUT_PROPERTY, CLOSE_TIMEOUT_MS);
            }
        }
        // Pushes, pongs and closes come from different threads; the decorator serialises them.
        var safe = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT);
        var admission = admission(session);
        connections.opened(admission, new SessionConnection(safe));
        modes.opened(admission.appPk());
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws IOException {
        var buffer = message.getPayload();
        var pieces = (ByteArrayOutputStream) session.getAttributes().get(PIECES);
        if (message.isLast() && pieces == null) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            connections.received(admission(session), bytes);
            return;
        }
        if (pieces == null) {
            pieces = new ByteArrayOutputStream();
            session.getAttributes().put(PIECES, pieces);
        }
        if (pieces.size() + buffer.remaining() > MAX_FRAME_BYTES) {
            session.getAttributes().remove(PIECES);
            session.close(CloseStatus.TOO_BIG_TO_PROCESS);
            return;
        }
        byte[] piece = new byte[buffer.remaining()];
        buffer.get(piece);
        pieces.write(piece, 0, piece.length);
        if (message.isLast()) {
            session.getAttributes().remove(PIECES);
            connections.received(admission(session), pieces.toByteArray());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        connections.closed(admission(session));
    }

    private static LongConnections.Admission admission(WebSocketSession session) {
        return (LongConnections.Admission) session.getAttributes().get(LongConnectionHandshake.ADMISSION);
    }

    private record SessionConnection(WebSocketSession session) implements LiveConnection {
        @Override
        public void send(byte[] frame) throws IOException {
            session.sendMessage(new BinaryMessage(frame));
        }

        @Override
        public void close(String reason) {
            try {
                session.close(CloseStatus.GOING_AWAY.withReason(reason));
            } catch (IOException | RuntimeException e) {
                // Already gone: nothing more to close.
            }
        }
    }
}
