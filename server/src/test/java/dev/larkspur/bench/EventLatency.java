package dev.larkspur.bench;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.Client;
import com.lark.oapi.ws.ClientStopper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Send → bot receipt. People write to the receiving bot at a fixed rate through the admin API's
 * act-as-user call; each text carries the bench's clock reading at the moment the message was
 * due, and the bot (an HTTP endpoint here, or the official Java SDK's long-connection client)
 * measures the time to its handler.
 */
final class EventLatency {
    /**
     * {@code deliveriesPerSecond} over the whole window, from the first send to the last receipt;
     * {@code duringSendsPerSecond} from the first receipt to the moment the last send was answered,
     * and {@code afterSendsPerSecond} from then to the last receipt (0 when nothing came after);
     * {@code loadAverage} is the machine's when the sends began.
     */
    record Result(
            double loadAverage,
            int offeredPerSecond,
            long sent,
            long received,
            double deliveriesPerSecond,
            double duringSendsPerSecond,
            double afterSendsPerSecond,
            Latency latency) {}

    /** People u0…u7 take turns writing, so that no one p2p chat carries the whole load. */
    private static final int PEOPLE = 8;

    private final Api api;
    private final String adminToken;
    private final Histogram histogram = new Histogram(3);
    private final AtomicLong received = new AtomicLong();
    private volatile long lastReceipt;
    private final AtomicLong firstReceipt = new AtomicLong();

    EventLatency(Api api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    /** By HTTP callback: a bare endpoint that answers the URL check and records each push. */
    static Result callback(Api api, String adminToken, int perSecond, Duration duration) throws IOException {
        var bench = new EventLatency(api, adminToken);
        var endpoint = CallbackSink.endpoint();
        var pool = Executors.newFixedThreadPool(16);
        endpoint.setExecutor(pool);
        endpoint.createContext("/events", bench::push);
        endpoint.start();
        try {
            bench.settings(Fixture.messageEvents(
                    "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/events"));
            return bench.measure(perSecond, duration);
        } finally {
            endpoint.stop(0);
            pool.shutdownNow();
        }
    }

    /** By long connection, through the official Java SDK's ws client and event dispatcher. */
    static Result longConnection(Api api, String adminToken, int perSecond, Duration duration) {
        var bench = new EventLatency(api, adminToken);
        bench.settings(Map.of("mode", "websocket", "verification_token", "vt-bench"));
        var dispatcher = EventDispatcher.newBuilder("", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        bench.receipt(event.getEvent().getMessage().getContent());
                    }
                })
                .build();
        var client = new Client.Builder(Fixture.RECEIVER, Fixture.SECRET)
                .domain(api.baseUrl)
                .eventHandler(dispatcher)
                .build();
        client.start();
        try {
            bench.awaitConnection();
            return bench.measure(perSecond, duration);
        } finally {
            ClientStopper.stop(client);
        }
    }

    private void settings(Map<String, Object> body) {
        api.putEventSettings(Fixture.RECEIVER, body, adminToken);
    }

    private void awaitConnection() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (api.ok("GET", "/admin/v1/apps/" + Fixture.RECEIVER + "/connections", null, adminToken)
                .path("items")
                .isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the SDK's long connection did not come up");
            }
            BenchServer.sleep(100);
        }
    }

    private Result measure(int perSecond, Duration duration) {
        // Each person's first message opens their p2p chat with the bot; that is not what is measured.
        for (int p = 0; p < PEOPLE; p++) {
            write(p, "warm-up").join();
        }
        awaitQuiet(PEOPLE);
        histogram.reset();
        received.set(0);
        firstReceipt.set(0);
        double load = Cpu.loadAverage();
        long start = System.nanoTime();
        var sent =
                new FixedRate().run(perSecond, duration, n -> request((int) (n % PEOPLE), "e2e " + System.nanoTime()));
        long sendsEnded = System.nanoTime();
        long receivedDuringSends = received.get();
        long expected = sent.requests();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received.get() < expected && System.nanoTime() < deadline) {
            BenchServer.sleep(20);
        }
        long after = received.get() - receivedDuringSends;
        double during = receivedDuringSends == 0 || firstReceipt.get() == 0
                ? 0
                : receivedDuringSends * 1e9 / (sendsEnded - firstReceipt.get());
        synchronized (histogram) {
            return new Result(
                    load,
                    perSecond,
                    expected,
                    received.get(),
                    received.get() * 1e9 / (lastReceipt - start),
                    during,
                    after == 0 || lastReceipt <= sendsEnded ? 0 : after * 1e9 / (lastReceipt - sendsEnded),
                    Latency.of(histogram, sent.errors(), duration.toSeconds()));
        }
    }

    private CompletableFuture<?> write(int person, String text) {
        return api.http.sendAsync(request(person, text), HttpResponse.BodyHandlers.discarding());
    }

    private HttpRequest request(int person, String text) {
        return api.request(
                "POST",
                "/admin/v1/tenants/" + Fixture.TENANT + "/users/u" + person + "/messages",
                Map.of(
                        "receive_id_type",
                        "app_id",
                        "receive_id",
                        Fixture.RECEIVER,
                        "msg_type",
                        "text",
                        "content",
                        "{\"text\":\"" + text + "\"}"),
                adminToken);
    }

    private void awaitQuiet(long count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() < count && System.nanoTime() < deadline) {
            BenchServer.sleep(20);
        }
    }

    private void push(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = Api.JSON.readTree(exchange.getRequestBody().readAllBytes());
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            if (body.has("challenge")) {
                answer = ("{\"challenge\":\"" + body.path("challenge").asString() + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                receipt(body.path("event").path("message").path("content").asString());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** A message's content is {"text":"e2e <nanoTime when due>"}; warm-ups are counted only. */
    private void receipt(String content) {
        long now = System.nanoTime();
        int at = content.indexOf("e2e ");
        if (at >= 0) {
            long due = Long.parseLong(content.substring(at + 4, content.indexOf('"', at)));
            synchronized (histogram) {
                histogram.recordValue(Math.max(0, now - due) / 1000);
            }
            lastReceipt = now;
            firstReceipt.compareAndSet(0, now);
        }
        received.incrementAndGet();
    }
}
