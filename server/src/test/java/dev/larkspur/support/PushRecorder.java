package dev.larkspur.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bot's request URL for volume tests: it answers url_verification, reads each push's
 * {@code header.event_id} and message, lets a {@link Plan} choose the answer, and records every push
 * with the answer it got. Unlike {@link EventReceiver} it skips the SDK's dispatcher and never blocks
 * a thread on a late answer, so that it is not the bottleneck; CallbackDeliveryIT covers the SDK.
 */
public final class PushRecorder implements AutoCloseable {
    /** How a push is answered. */
    public enum Answer {
        /** HTTP 200 at once. */
        OK,
        /** HTTP 500 at once. */
        FAIL,
        /** Handled, but HTTP 200 only after 3.5 s: past the platform's 3 s, so a failed push to it. */
        LATE,
        /** Left unanswered until {@link #release()}: a push in flight. */
        HOLD;

        /** Whether the platform may count this push as failed and send the event again. */
        public boolean failed() {
            return this != OK;
        }
    }

    /** A push as received: its event, message and text, the n-th push of that event, the n-th overall. */
    public record Push(String eventId, String messageId, String text, int nth, int seq) {}

    /** A push and the answer the plan gave it. */
    public record Receipt(Push push, Answer answer) {}

    /** Chooses the answer to each push; called once per push, in order for each event. */
    @FunctionalInterface
    public interface Plan {
        Answer answer(Push push);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long LATE_MILLIS = 3500;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);
    private final ScheduledExecutorService lateAnswers = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, List<Receipt>> byEvent = new ConcurrentHashMap<>();
    private final Map<String, String> eventOfMessage = new ConcurrentHashMap<>();
    private final Map<String, Long> firstArrivalNanos = new ConcurrentHashMap<>();
    private final List<HttpExchange> held = new ArrayList<>();
    private final AtomicInteger pushes = new AtomicInteger();
    private volatile Plan plan = push -> Answer.OK;

    public PushRecorder() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/webhook/event", this::handle);
        server.start();
    }

    public PushRecorder plan(Plan plan) {
        this.plan = plan;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook/event";
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if ("url_verification".equals(body.path("type").asString(""))) {
            String challenge = body.path("challenge").asString("");
            answer(exchange, 200, JSON.writeValueAsString(Map.of("challenge", challenge)));
            return;
        }
        var message = body.path("event").path("message");
        String eventId = body.path("header").path("event_id").asString("");
        String messageId = message.path("message_id").asString("");
        String text = JSON.readTree(message.path("content").asString("{}"))
                .path("text")
                .asString("");
        eventOfMessage.put(messageId, eventId);
        firstArrivalNanos.putIfAbsent(messageId, System.nanoTime());
        var receipts = byEvent.computeIfAbsent(eventId, id -> new ArrayList<>());
        Answer answer;
        synchronized (receipts) {
            var push = new Push(eventId, messageId, text, receipts.size(), pushes.getAndIncrement());
            answer = plan.answer(push);
            receipts.add(new Receipt(push, answer));
        }
        switch (answer) {
            case OK -> answer(exchange, 200, "{\"msg\":\"success\"}");
            case FAIL -> answer(exchange, 500, "{\"msg\":\"injected failure\"}");
            case LATE -> lateAnswers.schedule(
                    () -> answerQuietly(exchange, 200, "{\"msg\":\"success\"}"), LATE_MILLIS, TimeUnit.MILLISECONDS);
            case HOLD -> {
                synchronized (held) {
                    held.add(exchange);
                }
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** For answers after the platform gave up: it may have closed the connection already. */
    private static void answerQuietly(HttpExchange exchange, int status, String body) {
        try {
            answer(exchange, status, body);
        } catch (IOException | RuntimeException gone) {
            exchange.close();
        }
    }

    /** Answers every held push with HTTP 200, if its sender is still there. */
    public void release() {
        List<HttpExchange> waiting;
        synchronized (held) {
            waiting = List.copyOf(held);
            held.clear();
        }
        waiting.forEach(exchange -> answerQuietly(exchange, 200, "{\"msg\":\"success\"}"));
    }

    public int pushes() {
        return pushes.get();
    }

    public int held() {
        synchronized (held) {
            return held.size();
        }
    }

    /** The event each message arrived in; messages not yet pushed are absent. */
    public Map<String, String> eventOfMessage() {
        return Map.copyOf(eventOfMessage);
    }

    /** When each message was first pushed, by {@link System#nanoTime()}; messages not yet pushed are absent. */
    public Map<String, Long> firstArrivalNanos() {
        return Map.copyOf(firstArrivalNanos);
    }

    /** Waits until each of these messages has been pushed at least once; names some that were not. */
    public void awaitPushed(Collection<String> messageIds, Duration atMost) {
        await("every message pushed")
                .atMost(atMost)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    var missing = messageIds.stream()
                            .filter(id -> !eventOfMessage.containsKey(id))
                            .toList();
                    assertThat(missing.size())
                            .as(
                                    "messages never pushed, e.g. %s",
                                    missing.stream().limit(5).toList())
                            .isZero();
                });
    }

    /** Every push so far, by event id, in the order they arrived. */
    public Map<String, List<Receipt>> receipts() {
        return byEvent.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            synchronized (e.getValue()) {
                return List.copyOf(e.getValue());
            }
        }));
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        lateAnswers.shutdownNow();
        handlers.shutdownNow();
    }
}
