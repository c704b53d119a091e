package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.Client;
import com.lark.oapi.ws.ClientStopper;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What a developer expects of the long connection: an app with no request URL gets its events over
 * it whatever its saved mode, the demo app is in long-connection mode from the start, and an app
 * set to callback says, in the admin list and in the log, that its connections get nothing.
 */
class LongConnectionDefaultsIT {
    private static TestServer server;
    private static ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "larkspur.events.retry-factor", "0.001",
                "larkspur.events.poll-millis", "50",
                "larkspur.long-connection.ping-interval", "2",
                "larkspur.long-connection.reconnect-interval", "1",
                "larkspur.long-connection.reconnect-nonce", "1"));
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(LongConnectionModes.class)).addAppender(log);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(LongConnectionModes.class)).detachAppender(log);
        if (server != null) {
            server.close();
        }
    }

    private static EventDispatcher collecting(List<P2MessageReceiveV1> received) {
        return EventDispatcher.newBuilder("", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        received.add(event);
                    }
                })
                .build();
    }

    private static List<String> warningsLogged() {
        return log.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void appWithNoEventSettingsGetsMessagesOverItsLongConnection() {
        try (var bot = new LongConnectionBot(server, appId -> null)) {
            var received = new CopyOnWriteArrayList<P2MessageReceiveV1>();
            bot.connect(collecting(received));
            bot.awaitConnections(1);

            var sent = bot.annWrites("hello, fresh app");

            await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1);
            assertThat(received.get(0).getHeader().getEventType()).isEqualTo("im.message.receive_v1");
            assertThat(received.get(0).getEvent().getMessage().getMessageId())
                    .isEqualTo(sent.path("message_id").asString());
            var list = bot.connectionList();
            assertThat(list.path("mode").asString()).isEqualTo("websocket");
            assertThat(list.has("warning")).isFalse();
        }
    }

    @Test
    void appSetToCallbackWithoutARequestUrlGetsMessagesOverItsLongConnection() {
        try (var bot = new LongConnectionBot(server, appId -> Map.of("mode", "callback"))) {
            var received = new CopyOnWriteArrayList<P2MessageReceiveV1>();
            bot.connect(collecting(received));
            bot.awaitConnections(1);

            bot.annWrites("no URL here");

            await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1);
            assertThat(received.get(0).getEvent().getMessage().getContent()).isEqualTo("{\"text\":\"no URL here\"}");
            assertThat(bot.deliveries().get(0).path("mode").asString()).isEqualTo("websocket");
        }
    }

    @Test
    void appInCallbackModeSaysItsConnectionGetsNoEventsInTheListAndTheLog() {
        var requestUrl =
                new EventReceiver(EventDispatcher.newBuilder("vt-callback", "").build());
        try (requestUrl;
                var bot = new LongConnectionBot(
                        server,
                        appId -> Map.of(
                                "mode", "callback",
                                "request_url", requestUrl.url(),
                                "verification_token", "vt-callback"))) {
            bot.connect(collecting(new CopyOnWriteArrayList<>()));
            bot.awaitConnections(1);

            var list = bot.connectionList();
            assertThat(list.path("mode").asString()).isEqualTo("callback");
            String expected = "app " + bot.app.appId() + " is in callback mode: this connection gets no events";
            assertThat(list.path("warning").asString()).startsWith(expected);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> warningsLogged().stream().anyMatch(m -> m.startsWith(expected)));
        }
    }

    @Test
    void demoAppGetsAPersonsMessageOverTheSdksWsClientWithNoSetUp() throws IOException {
        var demo = server.demoCredentials();
        String appId = demo.getProperty("app_id");
        var settings = Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + appId + "/event_settings", null));
        assertThat(settings.path("mode").asString()).isEqualTo("websocket");

        var received = new CopyOnWriteArrayList<P2MessageReceiveV1>();
        Client client = new Client.Builder(appId, demo.getProperty("app_secret"))
                .domain(server.baseUrl())
                .eventHandler(collecting(received))
                .build();
        client.start();
        try {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + appId + "/connections", null))
                            .path("items")
                            .isEmpty());
            Admin.ok(server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + demo.getProperty("tenant_key") + "/users/alice/messages",
                            Map.of(
                                    "receive_id_type", "app_id",
                                    "receive_id", appId,
                                    "msg_type", "text",
                                    "content", "{\"text\":\"hi demo bot\"}")));

            await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1);
            assertThat(received.get(0).getEvent().getMessage().getContent()).isEqualTo("{\"text\":\"hi demo bot\"}");
        } finally {
            ClientStopper.stop(client);
        }
    }
}
