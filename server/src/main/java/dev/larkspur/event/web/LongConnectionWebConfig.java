package dev.larkspur.event.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The long connection's WebSocket at {@code /ws/v2}. Any origin: SDKs send none and the ticket is
 * the credential, not a cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LongConnectionWebConfig implements WebSocketConfigurer {
    /**
     * Tomcat gives every session a binary buffer of this size up front, so it is sized to the frames
     * clients really send: pings (about 25 bytes) and event ACKs (the pushed frame's headers and
     * {@code {"code":200}}, a few hundred). A larger frame, such as a card callback's ACK carrying
     * its new card, arrives in pieces that {@link LongConnectionSocket} puts together.
     */
    static final int BUFFER_BYTES = 4 * 1024;

    /** The protocol has no text messages (spec/protocols.md §4.5); the socket refuses any. */
    private static final int TEXT_BUFFER_CHARS = 256;

    private final LongConnectionSocket socket;
    private final LongConnectionHandshake handshake;

    LongConnectionWebConfig(LongConnectionSocket socket, LongConnectionHandshake handshake) {
        this.socket = socket;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, "/ws/v2").addInterceptors(handshake).setAllowedOrigins("*");
    }

    @Bean
    static ServletServerContainerFactoryBean longConnectionContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxBinaryMessageBufferSize(BUFFER_BYTES);
        container.setMaxTextMessageBufferSize(TEXT_BUFFER_CHARS);
        return container;
    }
}
