package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2ChatMemberUserAddedV1;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Events reach a bot by HTTP callback and are handled by the official Java SDK's EventDispatcher:
 * plain and encrypted, with url_verification, retries on failure and replay.
 */
class CallbackDeliveryIT {
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

    /** A tenant with a bot, a person, and the bot's SDK dispatcher collecting what it receives. */
    private static final class Bot implements AutoCloseable {
        final String tenant = server.admin().tenant("Events Co");
        final Admin.AppCreds app = server.admin().app(tenant, "Listener");
        final List<P2MessageReceiveV1> messages = new CopyOnWriteArrayList<>();
        final List<P2ChatMemberUserAddedV1> joins = new CopyOnWriteArrayList<>();
        final EventReceiver receiver;

        Bot(String encryptKey) {
            server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
            var dispatcher = EventDispatcher.newBuilder("vt-" + app.appId(), encryptKey == null ? "" : encryptKey)
                    .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                        @Override
                        public void handle(P2MessageReceiveV1 event) {
                            messages.add(event);
                        }
                    })
                    .onP2ChatMemberUserAddedV1(new ImService.P2ChatMemberUserAddedV1Handler() {
                        @Override
                        public void handle(P2ChatMemberUserAddedV1 event) {
                            joins.add(event);
                        }
                    })
                    .build();
            receiver = new EventReceiver(dispatcher);
            var settings = new java.util.HashMap<String, Object>();
            settings.put("request_url", receiver.url());
            settings.put("verification_token", "vt-" + app.appId());
            if (encryptKey != null) {
                settings.put("encrypt_key", encryptKey);
            }
            Admin.ok(server.admin().call("PUT", "/admin/v1/apps/" + app.appId() + "/event_settings", settings));
        }

        JsonNode annWrites(String text) {
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
                                    "{\"text\":\"" + text + "\"}")));
        }

        String annOpenId() {
            return Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + tenant + "/users/ann", null))
                    .path("open_ids")
                    .path(app.appId())
                    .asText();
        }

        /**
         * Subscribes to messages only, so that the one delivery is the message's (Ann's first
         * message also raises p2p_chat_create). Changing only the event types sends no challenge.
         */
        void onlyMessages() {
            Admin.ok(server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/apps/" + app.appId() + "/event_settings",
                            Map.of("event_types", List.of("im.message.receive_v1"))));
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
    void personsMessageReachesTheSdkDispatcher() {
        try (var bot = new Bot(null)) {
            var sent = bot.annWrites("hello");

            await().atMost(Duration.ofSeconds(10)).until(() -> bot.messages.size() == 1);
            var event = bot.messages.get(0);
            assertThat(event.getHeader().getEventType()).isEqualTo("im.message.receive_v1");
            assertThat(event.getHeader().getAppId()).isEqualTo(bot.app.appId());
            assertThat(event.getHeader().getToken()).isEqualTo("vt-" + bot.app.appId());
            assertThat(event.getEvent().getMessage().getMessageId())
                    .isEqualTo(sent.path("message_id").asText());
            assertThat(event.getEvent().getMessage().getChatType()).isEqualTo("p2p");
            assertThat(event.getEvent().getMessage().getContent()).isEqualTo("{\"text\":\"hello\"}");
            assertThat(event.getEvent().getSender().getSenderId().getOpenId()).isEqualTo(bot.annOpenId());
        }
    }

    @Test
    void encryptedAndSignedEventsPassTheSdksChecks() {
        try (var bot = new Bot("encrypt-key-" + System.nanoTime())) {
            bot.annWrites("secret hello");

            await().atMost(Duration.ofSeconds(10)).until(() -> bot.messages.size() == 1);
            assertThat(bot.messages.get(0).getEvent().getMessage().getContent())
                    .isEqualTo("{\"text\":\"secret hello\"}");
            assertThat(bot.receiver.statuses()).containsOnly(200);
        }
    }

    @Test
    void failedPushesAreRetriedUntilDeliveredAndEveryAttemptIsKept() {
        try (var bot = new Bot(null)) {
            bot.onlyMessages();
            // Request 1 was the url_verification challenge; the first two pushes fail.
            bot.receiver.failWhen(n -> n >= 2 && n <= 3);
            bot.annWrites("retry me");

            await().atMost(Duration.ofSeconds(15)).until(() -> bot.messages.size() == 1);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> bot.deliveries().get(0).path("status").asText().equals("delivered"));
            var delivery = bot.deliveries().get(0);
            assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
            assertThat(delivery.path("attempt_log").get(0).path("status_code").asInt())
                    .isEqualTo(503);
            assertThat(delivery.path("attempt_log").get(2).path("status_code").asInt())
                    .isEqualTo(200);
        }
    }

    @Test
    void replayDeliversTheSameEventAgainWithTheSameEventId() {
        try (var bot = new Bot(null)) {
            bot.onlyMessages();
            bot.annWrites("once");
            await().atMost(Duration.ofSeconds(10)).until(() -> bot.messages.size() == 1);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> bot.deliveries().get(0).path("status").asText().equals("delivered"));
            String deliveryId = bot.deliveries().get(0).path("delivery_id").asText();

            Admin.ok(server.admin().call("POST", "/admin/v1/deliveries/" + deliveryId + "/replay", null));

            await().atMost(Duration.ofSeconds(10)).until(() -> bot.messages.size() == 2);
            assertThat(bot.messages.get(1).getHeader().getEventId())
                    .isEqualTo(bot.messages.get(0).getHeader().getEventId());
        }
    }

    @Test
    void chatEventsReachBotsInTheChat() throws Exception {
        try (var bot = new Bot(null)) {
            var client = dev.larkspur.support.Sdk.client(server, bot.app);
            client.im()
                    .chat()
                    .create(com.lark.oapi.service.im.v1.model.CreateChatReq.newBuilder()
                            .userIdType("user_id")
                            .createChatReqBody(com.lark.oapi.service.im.v1.model.CreateChatReqBody.newBuilder()
                                    .name("Room")
                                    .userIdList(new String[] {"ann"})
                                    .build())
                            .build());

            await().atMost(Duration.ofSeconds(10)).until(() -> bot.joins.size() == 1);
            assertThat(bot.joins.get(0).getEvent().getUsers()[0].getUserId().getOpenId())
                    .isEqualTo(bot.annOpenId());
        }
    }

    @Test
    void requestUrlThatDoesNotAnswerTheChallengeIsRefused() {
        String tenant = server.admin().tenant("Refused Co");
        var app = server.admin().app(tenant, "Bot");
        var reply = server.admin()
                .call(
                        "PUT",
                        "/admin/v1/apps/" + app.appId() + "/event_settings",
                        Map.of("request_url", "http://127.0.0.1:9/nothing-here"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("msg").asText()).contains("url_verification");
    }
}
