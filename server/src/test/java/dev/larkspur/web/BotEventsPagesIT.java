package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2ChatAccessEventBotP2pChatEnteredV1;
import com.lark.oapi.service.im.v1.model.P2MessageReadV1;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the web client does is heard by bots as from any Feishu client: opening a bot's chat gives
 * it {@code bot_p2p_chat_entered_v1}, and opening a chat reads the bot's messages there
 * ({@code message_read_v1}), both delivered to the bot's request URL through the official SDK.
 */
class BotEventsPagesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<P2ChatAccessEventBotP2pChatEnteredV1> entered = new CopyOnWriteArrayList<>();
    private static final List<P2MessageReadV1> read = new CopyOnWriteArrayList<>();
    private static TestServer server;
    private static Properties demo;
    private static EventReceiver receiver;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("larkspur.events.poll-millis", "50"));
        demo = server.demoCredentials();
        var dispatcher = EventDispatcher.newBuilder("vt-events", "")
                .onP2ChatAccessEventBotP2pChatEnteredV1(new ImService.P2ChatAccessEventBotP2pChatEnteredV1Handler() {
                    @Override
                    public void handle(P2ChatAccessEventBotP2pChatEnteredV1 event) {
                        entered.add(event);
                    }
                })
                .onP2MessageReadV1(new ImService.P2MessageReadV1Handler() {
                    @Override
                    public void handle(P2MessageReadV1 event) {
                        read.add(event);
                    }
                })
                .build();
        receiver = new EventReceiver(dispatcher);
        Admin.ok(server.admin()
                .call(
                        "PUT",
                        "/admin/v1/apps/" + demo.getProperty("app_id") + "/event_settings",
                        Map.of("mode", "callback", "request_url", receiver.url(), "verification_token", "vt-events")));
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void openingTheBotsChatTellsItSoAndReadsItsMessages() {
        var dave = new WebHttp(server);
        assertThat(dave.signIn("dave@demo.larkspur.dev", demo.getProperty("web_password"))
                        .statusCode())
                .isEqualTo(302);
        var started = dave.post(
                "/chats/bots/" + demo.getProperty("app_id"),
                Map.of("_csrf", WebHttp.csrfIn(dave.get("/chats").body())));
        String location = started.headers().firstValue("Location").orElseThrow();
        String chatPath = location.substring(location.indexOf("/chats/"));
        String chatId = chatPath.substring("/chats/".length());

        assertThat(dave.get(chatPath).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> entered.stream()
                .anyMatch(e -> chatId.equals(e.getEvent().getChatId())));
        String daveOpenId = entered.stream()
                .filter(e -> chatId.equals(e.getEvent().getChatId()))
                .findFirst()
                .orElseThrow()
                .getEvent()
                .getOperatorId()
                .getOpenId();
        assertThat(daveOpenId).startsWith("ou_");

        String token = server.http().tenantToken(demo.getProperty("app_id"), demo.getProperty("app_secret"));
        var sent = server.http()
                .post(
                        "/open-apis/im/v1/messages?receive_id_type=chat_id",
                        token,
                        JSON.writeValueAsString(Map.of(
                                "receive_id",
                                chatId,
                                "msg_type",
                                "text",
                                "content",
                                "{\"text\":\"did you read me?\"}")));
        assertThat(sent.code()).isZero();
        String messageId = sent.body().path("data").path("message_id").asString();
        assertThat(read)
                .noneMatch(e -> Arrays.asList(e.getEvent().getMessageIdList()).contains(messageId));

        assertThat(dave.get(chatPath).body()).contains("did you read me?");

        await().atMost(Duration.ofSeconds(20)).until(() -> read.stream()
                .anyMatch(e -> Arrays.asList(e.getEvent().getMessageIdList()).contains(messageId)));
        var event = read.stream()
                .filter(e -> Arrays.asList(e.getEvent().getMessageIdList()).contains(messageId))
                .findFirst()
                .orElseThrow();
        assertThat(event.getEvent().getReader().getReaderId().getOpenId()).isEqualTo(daveOpenId);
    }
}
