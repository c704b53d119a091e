package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.exception.ClientException;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Events reach a bot over the long connection and are handled by the official Java SDK's ws client
 * and EventDispatcher: delivery, re-push after a failed handler, waiting for an offline app, the
 * connection cap, and the SDK giving up on a wrong secret.
 */
class LongConnectionIT {
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

    private static EventDispatcher onMessage(Consumer<P2MessageReceiveV1> handler) {
        return EventDispatcher.newBuilder("", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        handler.accept(event);
                    }
                })
                .build();
    }

    @Test
    void personsMessageReachesTheSdkHandlerOverTheLongConnection() {
        try (var bot = new LongConnectionBot(server)) {
            var received = new CopyOnWriteArrayList<P2MessageReceiveV1>();
            bot.connect(onMessage(received::add));
            bot.awaitConnections(1);

            var sent = bot.annWrites("hello socket");

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            var event = received.get(0);
            assertThat(event.getHeader().getEventType()).isEqualTo("im.message.receive_v1");
            assertThat(event.getHeader().getAppId()).isEqualTo(bot.app.appId());
            assertThat(event.getHeader().getToken()).isEqualTo("vt-" + bot.app.appId());
            assertThat(event.getEvent().getMessage().getMessageId())
                    .isEqualTo(sent.path("message_id").asString());
            assertThat(event.getEvent().getMessage().getContent()).isEqualTo("{\"text\":\"hello socket\"}");
            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            bot.deliveries().get(0).path("status").asString().equals("delivered"));
            var delivery = bot.deliveries().get(0);
            assertThat(delivery.path("mode").asString()).isEqualTo("websocket");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        }
    }

    @Test
    void eventWhoseHandlerThrowsIsPushedAgainLater() {
        try (var bot = new LongConnectionBot(server)) {
            var calls = new AtomicInteger();
            var handled = new CopyOnWriteArrayList<String>();
            bot.connect(onMessage(event -> {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("the first try fails");
                }
                handled.add(event.getHeader().getEventId());
            }));
            bot.awaitConnections(1);

            bot.annWrites("try again");

            await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 1);
            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            bot.deliveries().get(0).path("status").asString().equals("delivered"));
            var delivery = bot.deliveries().get(0);
            assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
            var firstTry = delivery.path("attempt_log").get(0);
            assertThat(firstTry.path("status_code").asInt()).isEqualTo(500);
            assertThat(firstTry.path("error").asString()).isEqualTo("ACK code 500");
            assertThat(delivery.path("attempt_log").get(1).path("status_code").asInt())
                    .isEqualTo(200);
        }
    }

    @Test
    void eventForAnAppNotOnlineIsRecordedAsFailedAndDeliveredOnceItConnects() {
        try (var bot = new LongConnectionBot(server)) {
            bot.annWrites("are you there");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> bot.deliveries().path(0).path("attempts").asInt() >= 1);
            var firstTry = bot.deliveries().get(0).path("attempt_log").get(0);
            assertThat(firstTry.path("error").asString()).isEqualTo("app not online");

            var received = new CopyOnWriteArrayList<P2MessageReceiveV1>();
            bot.connect(onMessage(received::add));

            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
            assertThat(received.get(0).getEvent().getMessage().getContent()).isEqualTo("{\"text\":\"are you there\"}");
            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            bot.deliveries().get(0).path("status").asString().equals("delivered"));
        }
    }

    @Test
    void eachEventGoesToOneOfTheAppsConnections() {
        try (var bot = new LongConnectionBot(server)) {
            var first = new CopyOnWriteArrayList<String>();
            var second = new CopyOnWriteArrayList<String>();
            bot.connect(onMessage(e -> first.add(e.getEvent().getMessage().getMessageId())));
            bot.connect(onMessage(e -> second.add(e.getEvent().getMessage().getMessageId())));
            bot.awaitConnections(2);

            for (int i = 0; i < 6; i++) {
                bot.annWrites("message " + i);
            }

            await().atMost(Duration.ofSeconds(15)).until(() -> first.size() + second.size() == 6);
            var all = new java.util.ArrayList<>(first);
            all.addAll(second);
            assertThat(all).doesNotHaveDuplicates();
        }
    }

    @Test
    void anAppHasAtMostFiftyConnections() {
        try (var bot = new LongConnectionBot(server)) {
            for (int i = 0; i < 48; i++) {
                bot.connectRaw();
            }
            // Two tickets while there is room for one: the second handshake is refused for good.
            String url49 =
                    bot.endpoint(server.baseUrl()).path("data").path("URL").asString();
            String url51 =
                    bot.endpoint(server.baseUrl()).path("data").path("URL").asString();
            bot.connectRaw();
            bot.connectRaw(url49).keepAlive();
            bot.awaitConnections(50);
            var thrown = catchThrowable(() -> RawLongConnection.open(url51));
            var headers = RawLongConnection.refusal(thrown).headers();
            assertThat(headers.firstValue("Handshake-Status")).hasValue("514");
            assertThat(headers.firstValue("Handshake-Autherrcode")).hasValue("1000040350");

            var refused = bot.endpoint(server.baseUrl());
            assertThat(refused.path("code").asInt()).isEqualTo(1000040350);
            assertThat(refused.path("data").isObject()).isTrue();
            assertThat(refused.path("data").isEmpty()).isTrue();
            assertThatThrownBy(() -> bot.connect(onMessage(e -> {})))
                    .isInstanceOf(ClientException.class)
                    .asString()
                    .startsWith("ClientException: 1000040350:");
        }
    }

    @Test
    void wrongSecretIsRefusedWithCode514AndTheSdkStops() {
        try (var bot = new LongConnectionBot(server)) {
            var answer = LongConnectionBot.endpoint(
                    server.baseUrl(), "{\"AppID\": \"" + bot.app.appId() + "\", \"AppSecret\": \"wrong\"}");
            assertThat(answer.path("code").asInt()).isEqualTo(514);
            assertThat(answer.path("data").isObject()).isTrue();
            assertThat(answer.path("data").isEmpty()).isTrue();

            assertThatThrownBy(() -> bot.connect("wrong", onMessage(e -> {})))
                    .isInstanceOf(ClientException.class)
                    .asString()
                    .startsWith("ClientException: 514:");
            assertThat(bot.connections()).isEmpty();
        }
    }

    @Test
    void endpointAnswersWithTheHostTheClientUsedAndTheConfiguredClientConfig() {
        try (var bot = new LongConnectionBot(server)) {
            String localhost = server.baseUrl().replace("127.0.0.1", "localhost");
            var answer = bot.endpoint(localhost);

            assertThat(answer.path("code").asInt()).isZero();
            assertThat(answer.path("msg").asString()).isEqualTo("ok");
            String url = answer.path("data").path("URL").asString();
            assertThat(url)
                    .startsWith(localhost.replace("http://", "ws://") + "/ws/v2?fpid=")
                    .containsPattern("[?&]device_id=\\d+&")
                    .containsPattern("[?&]service_id=\\d{1,10}&")
                    .containsPattern("[?&]ticket=[^&]+$");
            assertThat(Long.parseLong(url.replaceAll(".*service_id=(\\d+).*", "$1")))
                    .isLessThanOrEqualTo(Integer.MAX_VALUE);
            var config = answer.path("data").path("ClientConfig");
            assertThat(config.path("ReconnectCount").asInt()).isEqualTo(-1);
            assertThat(config.path("ReconnectInterval").asInt()).isEqualTo(1);
            assertThat(config.path("ReconnectNonce").asInt()).isEqualTo(1);
            assertThat(config.path("PingInterval").asInt()).isEqualTo(2);

            // The ticket works once.
            bot.connectRaw(url);
            var thrown = catchThrowable(() -> RawLongConnection.open(url));
            assertThat(RawLongConnection.refusal(thrown).headers().firstValue("Handshake-Status"))
                    .hasValue("514");
        }
    }

    @Test
    void pingsGetTheFullClientConfigAndSilentConnectionsAreClosed() throws Exception {
        try (var bot = new LongConnectionBot(server)) {
            var connection = bot.connectRaw(
                    bot.endpoint(server.baseUrl()).path("data").path("URL").asString());
            connection.ping();
            var pong = connection.next(Duration.ofSeconds(5));
            assertThat(pong.getMethod()).isZero();
            assertThat(RawLongConnection.header(pong, "type")).isEqualTo("pong");
            var config = LongConnectionBot.JSON.readTree(pong.getPayload().toStringUtf8());
            assertThat(config.propertyNames())
                    .containsExactlyInAnyOrder("ReconnectCount", "ReconnectInterval", "ReconnectNonce", "PingInterval");

            // Three ping intervals (2 s each) without a ping: the server hangs up.
            await().atMost(Duration.ofSeconds(15)).until(connection::isClosed);
            bot.awaitConnections(0);
        }
    }

    @Test
    void ackWithNullHeadersAndNegativeBizRtCounts() throws Exception {
        try (var bot = new LongConnectionBot(server)) {
            var connection = bot.connectRaw();
            bot.awaitConnections(1);
            bot.annWrites("raw ack");

            var push = connection.nextData(Duration.ofSeconds(10));
            assertThat(push.getMethod()).isEqualTo(1);
            for (var key : List.of("type", "message_id", "sum", "seq", "trace_id")) {
                assertThat(RawLongConnection.header(push, key)).as(key).isNotNull();
            }
            assertThat(RawLongConnection.header(push, "sum")).isEqualTo("1");
            var envelope = LongConnectionBot.JSON.readTree(push.getPayload().toStringUtf8());
            assertThat(envelope.path("header").path("event_type").asString()).isEqualTo("im.message.receive_v1");
            connection.ack(push, "{\"code\":200,\"headers\":null,\"data\":null}", "-3");

            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            bot.deliveries().get(0).path("status").asString().equals("delivered"));
        }
    }
}
