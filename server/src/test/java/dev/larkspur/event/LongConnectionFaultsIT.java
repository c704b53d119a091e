package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Long-connection fault rules (issue 15 part 1): connections closed on demand, pings unanswered. */
class LongConnectionFaultsIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "larkspur.events.retry-factor", "0.001",
                "larkspur.events.poll-millis", "50",
                "larkspur.long-connection.ping-interval", "2",
                "larkspur.long-connection.reconnect-interval", "1",
                "larkspur.long-connection.reconnect-nonce", "1"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode rule(Map<String, Object> spec) {
        return Admin.ok(server.admin().call("POST", "/admin/v1/faults", spec));
    }

    @Test
    void sdkReconnectsAfterAnInjectedCloseAndReceivesTheNextEvent() {
        try (var bot = new LongConnectionBot(server)) {
            var received = new CopyOnWriteArrayList<P2MessageReceiveV1>();
            bot.connect(EventDispatcher.newBuilder("", "")
                    .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                        @Override
                        public void handle(P2MessageReceiveV1 event) {
                            received.add(event);
                        }
                    })
                    .build());
            bot.awaitConnections(1);
            String before = bot.connections().get(0).path("device_id").asString();

            var closed = rule(Map.of("action", "close_connections", "app_id", bot.app.appId()));

            assertThat(closed.path("applied").asLong()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                var now = bot.connections();
                return now.size() == 1
                        && !now.get(0).path("device_id").asString().equals(before);
            });
            var sent = bot.annWrites("after the close");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            assertThat(received.get(0).getEvent().getMessage().getMessageId())
                    .isEqualTo(sent.path("message_id").asString());
        }
    }

    @Test
    void pingsGoUnansweredWhileTheRuleLastsAndAreAnsweredOnceItIsRemoved() throws Exception {
        try (var bot = new LongConnectionBot(server)) {
            var connection = bot.connectRaw(
                    bot.endpoint(server.baseUrl()).path("data").path("URL").asString());
            String id = rule(Map.of("action", "ignore_pings", "app_id", bot.app.appId()))
                    .path("id")
                    .asString();

            connection.ping();
            assertThatThrownBy(() -> connection.next(Duration.ofMillis(1500))).isInstanceOf(AssertionError.class);

            Admin.ok(server.admin().call("DELETE", "/admin/v1/faults/" + id, null));
            connection.ping();
            assertThat(RawLongConnection.header(connection.next(Duration.ofSeconds(5)), "type"))
                    .isEqualTo("pong");
        }
    }
}
