package dev.larkspur.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bot's callback endpoint on 127.0.0.1 that answers at once: it passes the URL check and counts
 * the events pushed to it, for loads whose deliveries are a side effect rather than what is measured.
 */
final class CallbackSink implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final AtomicLong pushes = new AtomicLong();

    private CallbackSink(HttpServer server) {
        this.server = server;
    }

    /** Starts an endpoint and makes it {@code appId}'s callback for message receipts. */
    static CallbackSink forApp(Api api, String adminToken, String appId) throws IOException {
        var sink = new CallbackSink(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128));
        sink.server.setExecutor(sink.pool);
        sink.server.createContext("/events", sink::push);
        sink.server.start();
        // The URL check must be answered within 1 s; on a loaded machine one try may miss it.
        for (int attempt = 1; ; attempt++) {
            var answer = api.call(
                    "PUT",
                    "/admin/v1/apps/" + appId + "/event_settings",
                    Map.of(
                            "mode",
                            "callback",
                            "request_url",
                            "http://127.0.0.1:" + sink.server.getAddress().getPort() + "/events",
                            "verification_token",
                            "vt-bench",
                            "event_types",
                            List.of("im.message.receive_v1")),
                    adminToken);
            if (answer.path("code").asInt(-1) == 0) {
                return sink;
            }
            if (attempt == 3) {
                sink.close();
                throw new IllegalStateException("the bench's callback was refused: " + answer);
            }
        }
    }

    long pushes() {
        return pushes.get();
    }

    private void push(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = Api.JSON.readTree(exchange.getRequestBody().readAllBytes());
            String answer = "{}";
            if (body.has("challenge")) {
                answer = "{\"challenge\":\"" + body.path("challenge").asString() + "\"}";
            } else {
                pushes.incrementAndGet();
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
