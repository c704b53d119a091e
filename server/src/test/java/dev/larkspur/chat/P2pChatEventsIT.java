package dev.larkspur.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.P1P2PChatCreatedV1;
import com.lark.oapi.service.im.v1.model.P2ChatAccessEventBotP2pChatEnteredV1;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.Sdk;
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
 * A bot hears {@code p2p_chat_create} (v1 envelope) once, when a person starts their p2p chat, and
 * {@code bot_p2p_chat_entered_v1} whenever the person opens it; both through the official Java
 * SDK's dispatcher over HTTP callback.
 */
class P2pChatEventsIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("larkspur.events.poll-millis", "50"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A bot with a callback endpoint that records what the SDK dispatched. */
    private record Bot(
            String tenant,
            Admin.AppCreds app,
            EventReceiver receiver,
            List<P1P2PChatCreatedV1> created,
            List<P2ChatAccessEventBotP2pChatEnteredV1> entered,
            List<String> received) {}

    private static Bot bot(String name) {
        String tenant = server.admin().tenant(name + " Co");
        server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
        var app = server.admin().app(tenant, name);
        var created = new CopyOnWriteArrayList<P1P2PChatCreatedV1>();
        var entered = new CopyOnWriteArrayList<P2ChatAccessEventBotP2pChatEnteredV1>();
        var received = new CopyOnWriteArrayList<String>();
        var dispatcher = EventDispatcher.newBuilder("vt", "")
                .onP1P2PChatCreatedV1(new ImService.P1P2PChatCreatedV1Handler() {
                    @Override
                    public void handle(P1P2PChatCreatedV1 event) {
                        created.add(event);
                    }
                })
                .onP2ChatAccessEventBotP2pChatEnteredV1(new ImService.P2ChatAccessEventBotP2pChatEnteredV1Handler() {
                    @Override
                    public void handle(P2ChatAccessEventBotP2pChatEnteredV1 event) {
                        entered.add(event);
                    }
                })
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        received.add(event.getEvent().getMessage().getContent());
                    }
                })
                .build();
        var receiver = new EventReceiver(dispatcher);
        Admin.ok(server.admin()
                .call(
                        "PUT",
                        "/admin/v1/apps/" + app.appId() + "/event_settings",
                        Map.of("request_url", receiver.url(), "verification_token", "vt")));
        return new Bot(tenant, app, receiver, created, entered, received);
    }

    private static JsonNode annWrites(Bot bot, String text) {
        return Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + bot.tenant() + "/users/ann/messages",
                        Map.of(
                                "receive_id_type",
                                "app_id",
                                "receive_id",
                                bot.app().appId(),
                                "msg_type",
                                "text",
                                "content",
                                "{\"text\":\"" + text + "\"}")));
    }

    private static String annEnters(Bot bot) {
        return Admin.ok(server.admin()
                        .call(
                                "POST",
                                "/admin/v1/tenants/" + bot.tenant() + "/users/ann/bot_chats/enter",
                                Map.of("app_id", bot.app().appId())))
                .path("chat_id")
                .asText();
    }

    private static String annOpenId(Bot bot) {
        return Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + bot.tenant() + "/users/ann", null))
                .path("open_ids")
                .path(bot.app().appId())
                .asText();
    }

    /** The chat's recorded events of one type: recorded with the change, so final once it returns. */
    private static long recorded(Bot bot, String chatId, String eventType) {
        var items = Admin.ok(server.admin()
                        .call(
                                "GET",
                                "/admin/v1/events?chat_id=" + chatId + "&app_id="
                                        + bot.app().appId(),
                                null))
                .path("items");
        long count = 0;
        for (JsonNode item : items) {
            if (item.path("event_type").asText().equals(eventType)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void personsFirstMessageRaisesP2pChatCreateOnceInTheV1Envelope() {
        var bot = bot("Greeter");
        try (var r = bot.receiver()) {
            String chatId = annWrites(bot, "hello").path("chat_id").asText();
            annWrites(bot, "again");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> bot.received().size() == 2 && bot.created().size() == 1);
            var event = bot.created().get(0);
            assertThat(event.getType()).isEqualTo("event_callback");
            assertThat(event.getUuid()).isNotBlank();
            assertThat(event.getToken()).isEqualTo("vt");
            assertThat(event.getTs()).matches("\\d+\\.\\d+");
            var data = event.getEvent();
            assertThat(data.getType()).isEqualTo("p2p_chat_create");
            assertThat(data.getAppId()).isEqualTo(bot.app().appId());
            assertThat(data.getTenantKey()).isEqualTo(bot.tenant());
            assertThat(data.getChatId()).isEqualTo(chatId);
            assertThat(data.getOperator().getOpenId()).isEqualTo(annOpenId(bot));
            assertThat(data.getUser().getOpenId()).isEqualTo(annOpenId(bot));
            assertThat(data.getUser().getName()).isEqualTo("Ann");
            assertThat(recorded(bot, chatId, "p2p_chat_create")).isEqualTo(1);
        }
    }

    @Test
    void aChatTheBotOpenedRaisesNoP2pChatCreate() throws Exception {
        var bot = bot("Announcer");
        try (var r = bot.receiver()) {
            var sent = Sdk.client(server, bot.app())
                    .im()
                    .message()
                    .create(CreateMessageReq.newBuilder()
                            .receiveIdType("open_id")
                            .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                    .receiveId(annOpenId(bot))
                                    .msgType("text")
                                    .content("{\"text\":\"news\"}")
                                    .build())
                            .build());
            assertThat(sent.getCode()).isZero();
            String chatId = annWrites(bot, "thanks").path("chat_id").asText();
            assertThat(chatId).isEqualTo(sent.getData().getChatId());

            await().atMost(Duration.ofSeconds(20)).until(() -> bot.received().size() == 1);
            assertThat(recorded(bot, chatId, "p2p_chat_create")).isZero();
            assertThat(bot.created()).isEmpty();
        }
    }

    @Test
    void enteringTheChatOpensItOnceAndRaisesEnteredEachTimeWithTheLatestMessage() throws Exception {
        var bot = bot("Concierge");
        try (var r = bot.receiver()) {
            String chatId = annEnters(bot);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> bot.created().size() == 1 && bot.entered().size() == 1);
            var first = bot.entered().get(0).getEvent();
            assertThat(first.getChatId()).isEqualTo(chatId);
            assertThat(first.getOperatorId().getOpenId()).isEqualTo(annOpenId(bot));
            assertThat(first.getLastMessageId()).isNull();
            assertThat(bot.entered().get(0).getHeader().getEventType())
                    .isEqualTo("im.chat.access_event.bot_p2p_chat_entered_v1");

            String messageId = annWrites(bot, "hi").path("message_id").asText();
            assertThat(annEnters(bot)).isEqualTo(chatId);
            await().atMost(Duration.ofSeconds(20)).until(() -> bot.entered().size() == 2);
            var second = bot.entered().get(1).getEvent();
            assertThat(second.getLastMessageId()).isEqualTo(messageId);
            assertThat(Long.parseLong(second.getLastMessageCreateTime())).isPositive();
            assertThat(recorded(bot, chatId, "p2p_chat_create")).isEqualTo(1);
            assertThat(recorded(bot, chatId, "im.chat.access_event.bot_p2p_chat_entered_v1"))
                    .isEqualTo(2);
        }
    }
}
