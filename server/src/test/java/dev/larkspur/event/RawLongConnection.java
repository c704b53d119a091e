package dev.larkspur.event;

import com.lark.oapi.google.protobuf.ByteString;
import com.lark.oapi.ws.pb.Pbbp2;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A long-connection client by hand, for what the SDKs do not let a test choose: when (or whether)
 * to ping, how to ACK, how many sockets to hold. Frames go through the Java SDK's own pbbp2 classes,
 * so the server's encoding is checked against the official one.
 */
final class RawLongConnection implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ScheduledExecutorService PINGER = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "raw-long-connection-pings");
        thread.setDaemon(true);
        return thread;
    });
    private final WebSocket socket;
    private final BlockingQueue<Pbbp2.Frame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final int serviceId;
    private volatile ScheduledFuture<?> pings;

    private RawLongConnection(String url) {
        this.serviceId = Integer.parseInt(url.replaceAll(".*[?&]service_id=(\\d+).*", "$1"));
        this.socket = HTTP.newWebSocketBuilder()
                .buildAsync(URI.create(url), new Listener())
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    /** Connects to an endpoint URL; a refused handshake throws (its cause carries the response). */
    static RawLongConnection open(String url) {
        return new RawLongConnection(url);
    }

    /** The response of a refused handshake, found in what {@link #open} threw. */
    static java.net.http.HttpResponse<?> refusal(Throwable thrown) {
        for (var t = thrown; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.WebSocketHandshakeException e) {
                return e.getResponse();
            }
        }
        throw new AssertionError("not a refused handshake", thrown);
    }

    /** Pings every second, as an SDK would, so that the server keeps the connection. */
    RawLongConnection keepAlive() {
        pings = PINGER.scheduleWithFixedDelay(
                () -> {
                    if (!isClosed()) {
                        ping();
                    }
                },
                0,
                1,
                TimeUnit.SECONDS);
        return this;
    }

    void ping() {
        var ping = Pbbp2.Frame.newBuilder()
                .setSeqID(0)
                .setLogID(0)
                .setService(serviceId)
                .setMethod(0)
                .addHeaders(header("type", "ping"))
                .build();
        send(ping);
    }

    /** Answers a data frame as the SDKs do: the frame echoed with a JSON payload and {@code biz_rt}. */
    void ack(Pbbp2.Frame frame, String json, String bizRt) {
        send(frame.toBuilder()
                .setPayload(ByteString.copyFromUtf8(json))
                .addHeaders(header("biz_rt", bizRt))
                .build());
    }

    Pbbp2.Frame next(Duration within) throws InterruptedException {
        var frame = frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + within);
        }
        return frame;
    }

    /** The next data frame (a push), skipping pongs. */
    Pbbp2.Frame nextData(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            var frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (frame.getMethod() == 1) {
                return frame;
            }
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    static String header(Pbbp2.Frame frame, String key) {
        return frame.getHeadersList().stream()
                .filter(h -> h.getKey().equals(key))
                .map(Pbbp2.Header::getValue)
                .findFirst()
                .orElse(null);
    }

    private static Pbbp2.Header header(String key, String value) {
        return Pbbp2.Header.newBuilder().setKey(key).setValue(value).build();
    }

    private void send(Pbbp2.Frame frame) {
        socket.sendBinary(ByteBuffer.wrap(frame.toByteArray()), true).join();
    }

    @Override
    public void close() {
        if (pings != null) {
            pings.cancel(false);
        }
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            partial.writeBytes(chunk);
            if (last) {
                try {
                    frames.add(Pbbp2.Frame.parseFrom(partial.toByteArray()));
                } catch (Exception e) {
                    throw new AssertionError("the server sent a frame the SDK cannot parse", e);
                } finally {
                    partial.reset();
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }
    }
}
