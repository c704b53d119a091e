package dev.larkspur.support;

import com.lark.oapi.core.request.EventReq;
import com.lark.oapi.event.EventDispatcher;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A bot's HTTP endpoint on loopback: every request goes to the official Java SDK's
 * {@link EventDispatcher}, as a bot built on the SDK would handle it. {@code failWhen} injects
 * faults by request number (answering HTTP 503 instead); {@code answerAfter} makes it slow.
 */
public final class EventReceiver implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Integer> statuses = new ArrayList<>();
    private volatile IntPredicate failWhen = n -> false;
    private volatile Duration answerAfter = Duration.ZERO;
    private volatile byte[] answerBody;

    public EventReceiver(EventDispatcher dispatcher) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/webhook/event", exchange -> {
            int n = requests.incrementAndGet();
            pause(answerAfter);
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            byte[] answer;
            if (failWhen.test(n)) {
                status = 503;
                answer = "{\"msg\":\"injected failure\"}".getBytes();
            } else {
                var req = new EventReq();
                Map<String, List<String>> headers = new LinkedHashMap<>();
                // The SDK looks headers up in lower case, as its own servlet adapter stores them.
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
                req.setHeaders(headers);
                req.setBody(body);
                req.setHttpPath("/webhook/event");
                try {
                    var resp = dispatcher.handle(req);
                    status = resp.getStatusCode();
                    answer = resp.getBody() == null ? new byte[0] : resp.getBody();
                    if (answerBody != null && status == 200) {
                        answer = answerBody;
                    }
                } catch (Throwable t) {
                    status = 500;
                    answer = ("{\"msg\":\"" + t.getMessage() + "\"}").getBytes();
                }
            }
            synchronized (statuses) {
                statuses.add(status);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook/event";
    }

    public void failWhen(IntPredicate requestNumber) {
        this.failWhen = requestNumber;
    }

    /** Holds every answer back this long, as a slow bot would (e.g. past Feishu's 1 s for url_verification). */
    public void answerAfter(Duration delay) {
        this.answerAfter = delay;
    }

    /**
     * Answers every request the SDK handled with this body instead of the SDK's, as a bot written
     * by hand would (null: the SDK's answer again).
     */
    public void answerWith(String body) {
        this.answerBody = body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int requests() {
        return requests.get();
    }

    public List<Integer> statuses() {
        synchronized (statuses) {
            return List.copyOf(statuses);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
