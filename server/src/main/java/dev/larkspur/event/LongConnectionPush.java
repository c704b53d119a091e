package dev.larkspur.event;

import dev.larkspur.event.internal.Frame;
import dev.larkspur.platform.Ids;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Sends one payload to one random live connection of an app as a data frame and awaits its ACK
 * (spec/protocols.md §4.7, §4.9). Never split ({@code sum=1}): the Java and Go SDKs race on
 * fragments. Success is an ACK with code 200 within the ACK timeout.
 */
@Component
public class LongConnectionPush {
    /** Feishu's words in the event log when no connection is live (node-sdk issue 164). */
    public static final String APP_NOT_ONLINE = "app not online";

    /** Under 2^53, so that the Node SDK, which reads them as JS numbers, echoes them exactly. */
    private static final long JS_SAFE = 1L << 53;

    private final LongConnections connections;
    private final PendingAcks acks;
    private final LongConnectionProperties props;
    private final Clock clock;
    private final AtomicLong seq = new AtomicLong();

    LongConnectionPush(LongConnections connections, PendingAcks acks, LongConnectionProperties props, Clock clock) {
        this.connections = connections;
        this.acks = acks;
        this.props = props;
        this.clock = clock;
    }

    /** What came of a push: the ACK's code (null without one), its data, the wait, and any error. */
    public record Outcome(Integer code, JsonNode data, long latencyMs, String error) {
        public boolean ok() {
            return code != null && code == 200;
        }

        public boolean offline() {
            return APP_NOT_ONLINE.equals(error);
        }
    }

    /** As {@link #pushAsync}, waiting for the ACK (a card callback needs its answer). */
    public Outcome push(long appPk, String traceId, byte[] payload) {
        return pushAsync(appPk, traceId, payload).join();
    }

    /**
     * Sends the frame now and completes with its ACK, a failure, or the ACK timeout, holding no
     * thread meanwhile: pushes to one connection are pipelined, each waiting for its own ACK by
     * message_id, and the app's share of pushes in flight ({@link AppShares}) bounds how many are
     * open at once. Never completes exceptionally.
     */
    public CompletableFuture<Outcome> pushAsync(long appPk, String traceId, byte[] payload) {
        var target = connections.pickOne(appPk);
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome(null, null, 0, APP_NOT_ONLINE));
        }
        var admission = target.get().admission();
        String messageId = Ids.hex(32);
        var frame = new Frame(
                seq.incrementAndGet() % JS_SAFE,
                ThreadLocalRandom.current().nextLong(1, JS_SAFE),
                admission.serviceId(),
                Frame.DATA,
                List.of(
                        new Frame.Header("type", "event"),
                        new Frame.Header("message_id", messageId),
                        new Frame.Header("sum", "1"),
                        new Frame.Header("seq", "0"),
                        new Frame.Header("trace_id", traceId),
                        new Frame.Header("timestamp", String.valueOf(clock.millis()))),
                null,
                null,
                payload,
                null);
        var ack = acks.expect(messageId, admission.deviceId());
        long start = System.nanoTime();
        try {
            target.get().socket().send(frame.encode());
        } catch (IOException e) {
            acks.forget(messageId);
            return CompletableFuture.completedFuture(
                    new Outcome(null, null, elapsed(start), "send failed: " + e.getMessage()));
        }
        long timeout = props.ackTimeout().toMillis();
        return ack.orTimeout(timeout, TimeUnit.MILLISECONDS).handle((answer, error) -> {
            acks.forget(messageId);
            if (error == null) {
                String failure = answer.code() == 200 ? null : "ACK code " + answer.code();
                return new Outcome(answer.code(), answer.data(), elapsed(start), failure);
            }
            var cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                return new Outcome(null, null, elapsed(start), "no ACK within " + timeout + " ms");
            }
            return new Outcome(null, null, elapsed(start), "connection closed before its ACK");
        });
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
