package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Feishu's rules on which bots receive group messages: every person's message with the
 * group-message scope; only messages that mention the bot without it; never a bot's own message,
 * nor another bot's unless it mentions the receiver.
 */
class ReceiveRulesIT {

    private record Bot(Admin.AppCreds app, List<String> texts, EventReceiver receiver) {}

    private static Bot listening(TestServer server, Admin.AppCreds app) {
        var texts = new CopyOnWriteArrayList<String>();
        var dispatcher = EventDispatcher.newBuilder("vt", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        texts.add(event.getEvent().getMessage().getContent());
                    }
                })
                .build();
        var receiver = new EventReceiver(dispatcher);
        Admin.ok(server.admin()
                .call(
                        "PUT",
                        "/admin/v1/apps/" + app.appId() + "/event_settings",
                        Map.of("request_url", receiver.url(), "verification_token", "vt")));
        return new Bot(app, texts, receiver);
    }

    @Test
    void groupMessagesReachBotsByScopeAndMentionButNeverEchoABotsOwnMessage() throws Exception {
        try (var server = TestServer.start(Map.of("larkspur.events.poll-millis", "50"))) {
            String tenant = server.admin().tenant("Rules Co");
            server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
            var all = server.admin().app(tenant, "Hears All");
            var scopes = new ArrayList<String>();
            Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + all.appId(), null))
                    .path("scopes")
                    .forEach(s -> scopes.add(s.asText()));
            scopes.removeAll(List.of("im:message.group_msg", "im:message.group_msg:readonly"));
            var atOnly = server.admin().app(tenant, "Hears Mentions", scopes);
            String atOnlyOpenId = Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + atOnly.appId(), null))
                    .path("bot_open_id")
                    .asText();
            var client = Sdk.client(server, all);
            String chatId = client.im()
                    .chat()
                    .create(CreateChatReq.newBuilder()
                            .userIdType("user_id")
                            .createChatReqBody(CreateChatReqBody.newBuilder()
                                    .name("Room")
                                    .userIdList(new String[] {"ann"})
                                    .botIdList(new String[] {atOnly.appId()})
                                    .build())
                            .build())
                    .getData()
                    .getChatId();
            var hearsAll = listening(server, all);
            var hearsMentions = listening(server, atOnly);
            try (var r1 = hearsAll.receiver();
                    var r2 = hearsMentions.receiver()) {
                annSays(server, tenant, chatId, all, "hello");
                annSays(server, tenant, chatId, all, "<at user_id=\\\"" + atOnlyOpenId + "\\\">Bot</at> ping");
                client.im()
                        .message()
                        .create(CreateMessageReq.newBuilder()
                                .receiveIdType("chat_id")
                                .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                        .receiveId(chatId)
                                        .msgType("text")
                                        .content("{\"text\":\"from a bot\"}")
                                        .build())
                                .build());
                annSays(server, tenant, chatId, all, "done");

                await().atMost(Duration.ofSeconds(20))
                        .until(() -> hearsAll.texts().size() == 3);
                assertThat(hearsAll.texts())
                        .containsExactly("{\"text\":\"hello\"}", "{\"text\":\"@_user_1 ping\"}", "{\"text\":\"done\"}");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> hearsMentions.texts().size() == 1);
                assertThat(hearsMentions.texts()).containsExactly("{\"text\":\"@_user_1 ping\"}");
                // Only message deliveries: the bot's chat events (joining the room) may have been fanned
                // out before it had a request URL, and so went to its long connection.
                var messageDeliveries = new ArrayList<String>();
                Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + atOnly.appId() + "/deliveries", null))
                        .path("items")
                        .forEach(d -> {
                            if (d.path("event_type").asText().equals("im.message.receive_v1")) {
                                messageDeliveries.add(d.path("delivery_id").asText());
                            }
                        });
                assertThat(messageDeliveries).hasSize(1);
            }
        }
    }

    private static void annSays(TestServer server, String tenant, String chatId, Admin.AppCreds app, String text) {
        Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + tenant + "/users/ann/messages",
                        Map.of(
                                "receive_id_type",
                                "chat_id",
                                "receive_id",
                                chatId,
                                "app_id",
                                app.appId(),
                                "msg_type",
                                "text",
                                "content",
                                "{\"text\":\"" + text + "\"}")));
    }
}
