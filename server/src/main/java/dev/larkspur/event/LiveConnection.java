package dev.larkspur.event;

import java.io.IOException;

/**
 * One open long connection as delivery sees it: a way to send a binary frame and to hang up. The
 * web layer implements it over a WebSocket session; sends may come from several threads.
 */
public interface LiveConnection {
    void send(byte[] frame) throws IOException;

    void close(String reason);
}
