package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL: an event raised on one reaches the bot's long connection held by
 * the other, promptly — woken by NOTIFY, not by polling, and without a failed "app not online"
 * attempt by the instance that does not hold the connection.
 */
class CrossInstanceLongConnectionIT {

    @Test
    void eventRaisedOnOneInstanceReachesALongConnectionHeldByTheOther() {
        assumeTrue("postgres".equals(System.getProperty("larkspur.it.db")), "several instances need PostgreSQL");
        var slowPolling = Map.<String, Object>of("larkspur.events.poll-millis", "20000");
        try (var a = TestServer.start(slowPolling);
                var b = TestServer.secondOn(a, slowPolling);
                var bot = new LongConnectionBot(b)) {
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

            // Ann writes through instance A; only B holds the bot's connection.
            Admin.ok(a.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + bot.tenant + "/users/ann/messages",
                            Map.of(
                                    "receive_id_type", "app_id",
                                    "receive_id", bot.app.appId(),
                                    "msg_type", "text",
                                    "content", "{\"text\":\"across\"}")));

            // Well inside the 20 s poll and the 5 s grace before others may claim it.
            await().atMost(Duration.ofSeconds(4)).until(() -> received.size() == 1);
            assertThat(received.get(0).getEvent().getMessage().getContent()).isEqualTo("{\"text\":\"across\"}");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> bot.deliveries().get(0).path("status").asText().equals("delivered"));
            assertThat(bot.deliveries().get(0).path("attempts").asInt()).isEqualTo(1);
        }
    }
}
