package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Delivery fault rules (issue 15 part 1) seen by a bot's callback receiver on the Java SDK. */
class InjectedDeliveryFaultsIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("larkspur.events.retry-factor", "0.001", "larkspur.events.poll-millis", "50"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A bot that takes only messages at its request URL, and the person Ann who writes to it. */
    private static final class Bot implements AutoCloseable {
        final String tenant = server.admin().tenant("Faulty Deliveries Co");
        final Admin.AppCreds app = server.admin().app(tenant, "Listener");
        final List<P2MessageReceiveV1> messages = new CopyOnWriteArrayList<>();
        final EventReceiver receiver;

        Bot() {
            server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
            receiver = new EventReceiver(EventDispatcher.newBuilder("vt-" + app.appId(), "")
                    .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                        @Override
                        public void handle(P2MessageReceiveV1 event) {
                            messages.add(event);
                        }
                    })
                    .build());
            Admin.ok(server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/apps/" + app.appId() + "/event_settings",
                            Map.of(
                                    "request_url",
                                    receiver.url(),
                                    "verification_token",
                                    "vt-" + app.appId(),
                                    "event_types",
                                    List.of("im.message.receive_v1"))));
        }

        JsonNode rule(Map<String, Object> spec) {
            var body = new HashMap<String, Object>(spec);
            body.put("app_id", app.appId());
            return Admin.ok(server.admin().call("POST", "/admin/v1/faults", body));
        }

        String annWrites(String text) {
            return Admin.ok(server.admin()
                            .call(
                                    "POST",
                                    "/admin/v1/tenants/" + tenant + "/users/ann/messages",
                                    Map.of(
                                            "receive_id_type",
                                            "app_id",
                                            "receive_id",
                                            app.appId(),
                                            "msg_type",
                                            "text",
                                            "content",
                                            "{\"text\":\"" + text + "\"}")))
                    .path("message_id")
                    .asString();
        }

        JsonNode deliveries() {
            return Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + app.appId() + "/deliveries", null))
                    .path("items");
        }

        @Override
        public void close() {
            receiver.close();
        }
    }

    @Test
    void droppedPushFailsItsAttemptAndIsDeliveredByTheRetryLadder() {
        try (var bot = new Bot()) {
            int challenges = bot.receiver.requests();
            bot.rule(Map.of("action", "drop", "count", 1));

            bot.annWrites("dropped once");

            await().atMost(Duration.ofSeconds(15)).until(() -> bot.messages.size() == 1);
            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            bot.deliveries().get(0).path("status").asString().equals("delivered"));
            var delivery = bot.deliveries().get(0);
            assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
            assertThat(delivery.path("attempt_log").get(0).path("error").asString())
                    .startsWith("dropped by fault rule");
            assertThat(bot.receiver.requests() - challenges).isEqualTo(1);
        }
    }

    @Test
    void duplicatedPushReachesTheBotTwiceWithTheSameEventId() {
        try (var bot = new Bot()) {
            bot.rule(Map.of("action", "duplicate", "count", 1));

            bot.annWrites("twice");

            await().atMost(Duration.ofSeconds(10)).until(() -> bot.messages.size() == 2);
            assertThat(bot.messages.get(1).getHeader().getEventId())
                    .isEqualTo(bot.messages.get(0).getHeader().getEventId());
        }
    }

    @Test
    void delayedPushArrivesNoSoonerThanTheDelay() {
        try (var bot = new Bot()) {
            bot.rule(Map.of("action", "delay", "latency_ms", 1500));
            long start = System.nanoTime();

            bot.annWrites("late");

            await().atMost(Duration.ofSeconds(10)).until(() -> bot.messages.size() == 1);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1500);
        }
    }

    @Test
    void pushesWithinTheReorderWindowArriveOutOfOrder() {
        try (var bot = new Bot()) {
            bot.rule(Map.of("action", "reorder", "window_ms", 2000));
            var sent = new ArrayList<String>();
            for (int i = 0; i < 10; i++) {
                sent.add(bot.annWrites("n" + i));
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> bot.messages.size() == 10);
            var arrived = bot.messages.stream()
                    .map(m -> m.getEvent().getMessage().getMessageId())
                    .toList();
            assertThat(arrived).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(arrived).isNotEqualTo(sent);
            var listed = Admin.ok(server.admin().call("GET", "/admin/v1/faults", null))
                    .path("items");
            assertThat(listed.findValues("applied").stream()
                            .mapToLong(JsonNode::asLong)
                            .sum())
                    .isGreaterThanOrEqualTo(10);
        }
    }
}
