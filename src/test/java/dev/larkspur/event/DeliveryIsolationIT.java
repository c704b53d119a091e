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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A receiver that stalls holds up only its own events: the whole callback exchange is bounded at
 * Feishu's 3 s.
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
}
