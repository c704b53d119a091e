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
    /** ACKs of card callbacks carry the new card, base64-encoded; cards may be 30 KB and more. */
    private static final int MAX_FRAME_BYTES = 1024 * 1024;

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
        container.setMaxBinaryMessageBufferSize(MAX_FRAME_BYTES);
        return container;
    }
}
