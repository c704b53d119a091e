package dev.larkspur.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request URL on 127.0.0.1 that answers url_verification, then, for every push, sends HTTP 200
 * headers announcing a body and stalls: the receiver a platform must cut off. It holds each
 * connection until the platform hangs up (or {@link #HOLD_MILLIS} at most) and records how long that
 * took and how many pushes of one event were open at once.
 */
public final class StallingReceiver implements AutoCloseable {
    static final int HOLD_MILLIS = 20_000;
    private static final int MAX_CONNECTIONS = 64;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newFixedThreadPool(MAX_CONNECTIONS + 1);
    private final Map<String, AtomicInteger> openByEvent = new ConcurrentHashMap<>();
    private final AtomicInteger mostOpenForOneEvent = new AtomicInteger();
    private final AtomicInteger stalled = new AtomicInteger();
    private final List<Long> heldMillis = new CopyOnWriteArrayList<>();

    public StallingReceiver() {
        try {
            socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.submit(this::accept);
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/webhook/event";
    }

    /** Pushes whose headers were sent and whose body never came. */
    public int stalled() {
        return stalled.get();
    }

    /** For each stalled push that ended, how long the platform held it before hanging up. */
    public List<Long> heldMillis() {
        return List.copyOf(heldMillis);
    }

    /** Pushes stalled right now. */
    public int open() {
        return openByEvent.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The most pushes of one event that were stalled at the same time. */
    public int mostOpenForOneEvent() {
        return mostOpenForOneEvent.get();
    }

    private void accept() {
        var open = new AtomicInteger();
        while (!socket.isClosed()) {
            try {
                var connection = socket.accept();
                if (open.incrementAndGet() > MAX_CONNECTIONS) {
                    open.decrementAndGet();
                    connection.close();
                    continue;
                }
                threads.submit(() -> {
                    try (connection) {
                        serve(connection);
                    } catch (IOException | RuntimeException e) {
                        // The platform hung up mid-request: nothing to answer.
                    } finally {
                        open.decrementAndGet();
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) throws IOException {
        connection.setSoTimeout(HOLD_MILLIS);
        var in = new BufferedInputStream(connection.getInputStream());
        var body = JSON.readTree(readRequestBody(in));
        var out = connection.getOutputStream();
        if ("url_verification".equals(body.path("type").asString(""))) {
            byte[] answer = JSON.writeValueAsBytes(
                    Map.of("challenge", body.path("challenge").asString("")));
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + answer.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(answer);
            out.flush();
            return;
        }
        String eventId = eventId(body);
        var open = openByEvent.computeIfAbsent(eventId, id -> new AtomicInteger());
        mostOpenForOneEvent.accumulateAndGet(open.incrementAndGet(), Math::max);
        stalled.incrementAndGet();
        long start = System.nanoTime();
        try {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Wait for the platform to hang up; a read that returns -1 or fails is its hang-up.
            while (in.read() != -1) {
                // Discard anything else it sends.
            }
        } catch (SocketTimeoutException e) {
            // Held as long as we hold anything.
        } catch (IOException e) {
            // Reset by the platform: a hang-up too.
        } finally {
            heldMillis.add((System.nanoTime() - start) / 1_000_000);
            open.decrementAndGet();
        }
    }

    private static String eventId(JsonNode body) {
        return body.path("header").path("event_id").asString("");
    }

    private static byte[] readRequestBody(InputStream in) throws IOException {
        int length = 0;
        var line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c == -1) {
                throw new IOException("request ended early");
            }
            if (c == '\n') {
                String header = line.toString().strip();
                if (header.isEmpty()) {
                    break;
                }
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(
                            header.substring("content-length:".length()).strip());
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return in.readNBytes(length);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
        threads.shutdownNow();
    }
}
