package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larkspur.support.Admin;
import dev.larkspur.support.BusyBot;
import dev.larkspur.support.PushRecorder;
import dev.larkspur.support.StallingReceiver;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A receiver that stalls or never answers holds up only its own events: the whole callback exchange
 * is bounded at Feishu's 3 s, and each app has its own share of the pushes in flight.
 */
class DeliveryIsolationIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        // A retry ladder of 1.5 s, 30 s, ...: a retry comes soon, but not before the attempt it follows.
        server = TestServer.start(Map.of("larkspur.events.retry-factor", "0.1", "larkspur.events.poll-millis", "50"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode deliveries(String appId) {
        return Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + appId + "/deliveries", null))
                .path("items");
    }

    @Test
    void callbackThatStallsAfterItsHeadersIsCutOffAtThreeSecondsAndRetried() {
        try (var stalling = new StallingReceiver();
                var healthy = new PushRecorder()) {
            var stuck = BusyBot.create(server.admin(), stalling.url(), 1);
            var fine = BusyBot.create(server.admin(), healthy.url(), 1);

            stuck.write(server.admin(), "p0", "stall");
            await().atMost(Duration.ofSeconds(10)).until(() -> stalling.stalled() == 1);
            var sent = new ArrayList<String>();
            for (int i = 0; i < 5; i++) {
                sent.add(fine.write(server.admin(), "p0", "fine-" + i));
            }
            healthy.awaitPushed(sent, Duration.ofSeconds(5));

            // The server hung up on the stalled answer at the 3 s bound, not at the receiver's 20 s.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !stalling.heldMillis().isEmpty());
            assertThat(stalling.heldMillis().get(0)).isBetween(2_500L, 6_000L);
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            deliveries(stuck.appId()).get(0).path("attempts").asInt() >= 1);
            var first = deliveries(stuck.appId()).get(0).path("attempt_log").get(0);
            assertThat(first.path("error").asString()).startsWith("HttpTimeoutException");
            assertThat(first.path("latency_ms").asLong()).isBetween(2_900L, 6_000L);

            // Then the ladder tries again, and never while an attempt is still open.
            await().atMost(Duration.ofSeconds(20)).until(() -> stalling.stalled() >= 2);
            assertThat(stalling.mostOpenForOneEvent()).isEqualTo(1);
        }
    }

    @Test
    void hangingAppsDelayOnlyTheirOwnEvents() throws Exception {
        try (var stalling = new StallingReceiver();
                var healthy = new PushRecorder();
                var silent = new LongConnectionBot(server)) {
            var fine = BusyBot.create(server.admin(), healthy.url(), 1);
            long solo = p99(fine, healthy, "solo", 20);

            // One app whose callback stalls, one whose long connection never ACKs, each with a backlog.
            var stuck = BusyBot.create(server.admin(), stalling.url(), 1);
            var connection = silent.connectRaw();
            silent.awaitConnections(1);
            for (int i = 0; i < 40; i++) {
                stuck.write(server.admin(), "p0", "stuck-" + i);
                silent.annWrites("silent-" + i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> stalling.open() >= 2);
            connection.nextData(Duration.ofSeconds(10));

            long loaded = p99(fine, healthy, "loaded", 20);
            System.out.printf("healthy app p99: solo %d ms, beside two hanging apps %d ms%n", solo, loaded);
            // The hanging apps still held their share while the healthy app's events went out.
            assertThat(stalling.open()).isPositive();
            assertThat(loaded).isLessThanOrEqualTo(Math.max(2 * solo, 2_000));
            await().atMost(Duration.ofSeconds(10)).until(() -> silent.deliveries().findValues("error").stream()
                    .anyMatch(e -> e.asString().startsWith("no ACK within")));
        }
    }

    /** Writes {@code count} messages to the bot one after another; the slowest send-to-push, in ms. */
    private static long p99(BusyBot bot, PushRecorder recorder, String label, int count) {
        var sentAt = new LinkedHashMap<String, Long>();
        for (int i = 0; i < count; i++) {
            long now = System.nanoTime();
            sentAt.put(bot.write(server.admin(), "p0", label + "-" + i), now);
        }
        recorder.awaitPushed(sentAt.keySet(), Duration.ofSeconds(15));
        var arrivals = recorder.firstArrivalNanos();
        var millis = sentAt.entrySet().stream()
                .map(e -> (arrivals.get(e.getKey()) - e.getValue()) / 1_000_000)
                .sorted()
                .toList();
        return millis.get((int) Math.ceil(0.99 * millis.size()) - 1);
    }
}
