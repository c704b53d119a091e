package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a long connection costs the server: a cap on all connections, refused as the SDKs retry
 * (issue 13 item 5), and small per-session buffers that still take a large frame in pieces.
 */
class LongConnectionCapIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "larkspur.events.retry-factor", "0.001",
                "larkspur.events.poll-millis", "50",
                "larkspur.long-connection.max-total-connections", "3"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFullServerRefusesNewConnectionsWithACodeTheSdksRetryOn() {
        try (var first = new LongConnectionBot(server);
                var second = new LongConnectionBot(server)) {
            var a = first.connectRaw();
            var b = first.connectRaw();
            // A ticket while there is room, used after the server filled up: the handshake is refused.
            String late =
                    second.endpoint(server.baseUrl()).path("data").path("URL").asString();
            var last = second.connectRaw();
            second.awaitConnections(1);

            var refused = second.endpoint(server.baseUrl());
            assertThat(refused.path("code").asInt()).isEqualTo(1000040343);
            assertThat(refused.path("msg").asString()).contains("3 long connections");
            assertThat(refused.path("data").isObject()).isTrue();
            assertThat(refused.path("data").isEmpty()).isTrue();
            var thrown = catchThrowable(() -> RawLongConnection.open(late));
            var handshake = RawLongConnection.refusal(thrown);
            assertThat(handshake.statusCode()).isEqualTo(503);
            assertThat(handshake.headers().firstValue("Handshake-Status")).hasValue("1000040343");
            // No Autherrcode: the Java and Go SDKs stop for good only on 514 + 1000040350.
            assertThat(handshake.headers().firstValue("Handshake-Autherrcode")).isEmpty();

            // A place given back is a place another app can take.
            last.close();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> first.endpoint(server.baseUrl()).path("code").asInt() == 0);

            // Leave the server empty for the other test.
            a.close();
            b.close();
            first.awaitConnections(0);
        }
    }

    @Test
    void anAckLargerThanTheSessionBufferArrivesInPiecesAndCounts() throws Exception {
        try (var bot = new LongConnectionBot(server)) {
            var connection = bot.connectRaw();
            bot.awaitConnections(1);

            bot.annWrites("big answer");
            var push = connection.nextData(Duration.ofSeconds(10));
            byte[] card = new byte[200 * 1024];
            ThreadLocalRandom.current().nextBytes(card);
            String data = Base64.getEncoder().encodeToString(card);
            connection.ack(push, "{\"code\":200,\"data\":\"" + data + "\"}", "3");

            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            bot.deliveries().path(0).path("status").asString().equals("delivered"));
            assertThat(connection.isClosed()).isFalse();

            connection.close();
            bot.awaitConnections(0);
        }
    }
}
