package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larkspur.support.NodeSdk;
import dev.larkspur.support.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The official Node SDK ({@code @larksuiteoapi/node-sdk} 1.74.0, {@code src/test/node}) receives an
 * event and answers a card click over the long connection. Needs {@code node} and {@code npm ci
 * --prefix src/test/node}; skipped without them, except in CI ({@code LARKSPUR_REQUIRE_NODE=true}),
 * where a missing Node SDK fails the build.
 */
class NodeSdkIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        NodeSdk.assumeInstalled();
        server = TestServer.start(Map.of(
                "larkspur.events.poll-millis", "50",
                "larkspur.long-connection.reconnect-interval", "1",
                "larkspur.long-connection.reconnect-nonce", "1"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void nodeSdkReceivesAnEventAndAnswersACardClickOverTheLongConnection() throws Exception {
        try (var bot = new LongConnectionBot(server);
                var node = new NodeClient(bot)) {
            assertThat(node.next("ready").isObject()).isTrue();
            bot.awaitConnections(1);

            var sent = bot.annWrites("hello node");
            var message = node.next("message");
            assertThat(message.path("message").path("message_id").asString())
                    .isEqualTo(sent.path("message_id").asString());
            assertThat(message.path("message").path("content").asString()).isEqualTo("{\"text\":\"hello node\"}");
            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            bot.deliveries().path(0).path("status").asString().equals("delivered"));

            String cardId = CardFixtures.botPostsCard(bot);
            var answer = CardFixtures.annClicks(bot, cardId);
            assertThat(answer.path("code").asInt()).as(answer.toString()).isZero();
            assertThat(answer.path("data").path("toast").path("content").asString())
                    .isEqualTo("node ok");
            assertThat(CardFixtures.cardTitle(bot, cardId)).isEqualTo("Saved by Node");
            var click = node.next("card");
            assertThat(click.path("action").path("value").path("item").asString())
                    .isEqualTo("42");
            assertThat(click.path("context").path("open_message_id").asString()).isEqualTo(cardId);
        }
    }

    /** {@code ws-check.js} as a child process; its stdout lines are {"kind":…,"data":…}. */
    private static final class NodeClient implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();

        NodeClient(LongConnectionBot bot) throws IOException {
            process = new ProcessBuilder("node", "ws-check.js", server.baseUrl(), bot.app.appId(), bot.app.appSecret())
                    .directory(NodeSdk.DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            var reader = new Thread(this::read, "node-sdk-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("{")) {
                        lines.add(LongConnectionBot.JSON.readTree(line));
                    }
                }
            } catch (IOException e) {
                // The process ended; next() reports what is missing.
            }
        }

        /** The data of the next line of this kind; an "error" line fails the test. */
        JsonNode next(String kind) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                var line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                if (line.path("kind").asString().equals("error")) {
                    throw new AssertionError("the Node SDK reported an error: " + line.path("data"));
                }
                if (line.path("kind").asString().equals(kind)) {
                    return line.path("data");
                }
            }
            throw new AssertionError("the Node SDK printed no " + kind + " line within 20 s");
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
