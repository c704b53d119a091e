package dev.larkspur.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bot's callback endpoint on 127.0.0.1 that answers at once: it passes the URL check and counts
 * the events pushed to it, for loads whose deliveries are a side effect rather than what is measured.
 * It can also {@link #hold} pushes unanswered, which fills the app's places in flight so that the
 * server keeps the rest of its events waiting: a backlog, let go with {@link #release}.
 */
final class CallbackSink implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final AtomicLong pushes = new AtomicLong();
    private final List<HttpExchange> held = new ArrayList<>();
    private boolean holding;
    private volatile Runnable onPush = () -> {};

    private CallbackSink(HttpServer server) {
        this.server = server;
    }

    /**
     * A bot's HTTP endpoint on 127.0.0.1, answering as bots' servers do: with Nagle's algorithm off.
     * The JDK's server leaves it on and writes an answer's headers and body apart, so each answer's
     * body waited for the server's delayed ACK of its headers: 44 ms a push (p50 of 200 sequential
     * posts; 1.5 ms with it off). With 32 pushes of an app in flight, that held a callback backlog
     * to about 585 deliveries a second, whatever the server did. Node's and Go's HTTP servers turn
     * Nagle off by default. The setting is read once, when the JDK's first server is made.
     */
    static HttpServer endpoint() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    }

    /** Starts an endpoint and makes it {@code appId}'s callback for message receipts. */
    static CallbackSink forApp(Api api, String adminToken, String appId) throws IOException {
        var sink = new CallbackSink(endpoint());
        sink.server.setExecutor(sink.pool);
        sink.server.createContext("/events", sink::push);
        sink.server.start();
        try {
            api.putEventSettings(
                    appId,
                    Fixture.messageEvents(
                            "http://127.0.0.1:" + sink.server.getAddress().getPort() + "/events"),
                    adminToken);
        } catch (IllegalStateException refused) {
            sink.close();
            throw refused;
        }
        return sink;
    }

    long pushes() {
        return pushes.get();
    }

    /** Runs on every push answered (not on URL checks, not while held). */
    void onPush(Runnable listener) {
        onPush = listener;
    }

    /**
     * Leaves pushes unanswered from now on (the URL check is still answered): the server gives up
     * on each after its 3 s bound and retries it 15 s later, but the ones it holds in flight keep
     * the app's other events from being claimed.
     */
    synchronized void hold() {
        holding = true;
    }

    /** Answers the pushes held (those the server still waits for) and every push from now on. */
    void release() {
        List<HttpExchange> waiting;
        synchronized (this) {
            holding = false;
            waiting = new ArrayList<>(held);
            held.clear();
        }
        for (var exchange : waiting) {
            try (exchange) {
                answer(exchange, "{}");
                pushes.incrementAndGet();
                onPush.run();
            } catch (IOException gaveUp) {
                // the server's 3 s bound closed this one; it retries the event later
            }
        }
    }

    private void push(HttpExchange exchange) throws IOException {
        var body = Api.JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (!body.has("challenge")) {
            synchronized (this) {
                if (holding) {
                    held.add(exchange);
                    return;
                }
            }
        }
        try (exchange) {
            if (body.has("challenge")) {
                answer(exchange, "{\"challenge\":\"" + body.path("challenge").asString() + "\"}");
            } else {
                answer(exchange, "{}");
                pushes.incrementAndGet();
                onPush.run();
            }
        }
    }

    private static void answer(HttpExchange exchange, String answer) throws IOException {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        synchronized (this) {
            held.forEach(HttpExchange::close);
            held.clear();
        }
        server.stop(0);
        pool.shutdownNow();
    }
}
