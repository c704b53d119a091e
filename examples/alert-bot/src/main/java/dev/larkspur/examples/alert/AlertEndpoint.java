package dev.larkspur.examples.alert;

import com.lark.oapi.core.utils.Jsons;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where monitoring reports alerts: {@code POST /alerts {"title": "…", "detail": "…"}} answers {@code
 * 201 {"chat_id", "message_id"}}. It listens on the loopback address only.
 */
public final class AlertEndpoint implements AutoCloseable {
    private final HttpServer server;

    private AlertEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Starts listening; port 0 picks a free one. */
    public static AlertEndpoint start(AlertBot bot, int port) throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/alerts", exchange -> {
            try (exchange) {
                handle(bot, exchange);
            }
        });
        server.start();
        return new AlertEndpoint(server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    private static void handle(AlertBot bot, HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, Map.of("error", "POST an alert"));
            return;
        }
        Alert alert;
        try {
            Map<?, ?> body = Jsons.DEFAULT.fromJson(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Map.class);
            alert = new Alert(text(body, "title"), text(body, "detail"));
        } catch (RuntimeException e) {
            answer(exchange, 400, Map.of("error", "not an alert: " + e.getMessage()));
            return;
        }
        try {
            var raised = bot.raise(alert);
            answer(exchange, 201, Map.of("chat_id", raised.chatId(), "message_id", raised.messageId()));
        } catch (Exception e) {
            answer(exchange, 502, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static String text(Map<?, ?> body, String field) {
        return body != null && body.get(field) instanceof String text ? text : null;
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
        byte[] bytes = Jsons.DEFAULT.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
