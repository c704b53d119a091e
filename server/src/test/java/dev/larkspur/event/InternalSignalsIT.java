package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.UpdateMessageReq;
import com.lark.oapi.service.im.v1.model.UpdateMessageReqBody;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The server's own change signals ({@code larkspur.*}, recorded for edits, reads and card updates
 * so that browsers update live) reach no app, not even one that takes every event type, and the
 * chat's event log does not show them.
 */
class InternalSignalsIT {
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

    @Test
    void aBotSubscribedToEveryTypeReceivesNoInternalSignal() throws Exception {
        String tenant = server.admin().tenant("Signals Co");
        var app = server.admin().app(tenant, "Everything");
        server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
        try (var receiver = new EventReceiver(
                EventDispatcher.newBuilder("vt-" + app.appId(), "").build())) {
            // Settings without event_types: the app takes every type.
            Admin.ok(server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/apps/" + app.appId() + "/event_settings",
                            Map.of("request_url", receiver.url(), "verification_token", "vt-" + app.appId())));
            var annsMessage = Admin.ok(server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + tenant + "/users/ann/messages",
                            Map.of(
                                    "receive_id_type", "app_id",
                                    "receive_id", app.appId(),
                                    "msg_type", "text",
                                    "content", "{\"text\":\"hi bot\"}")));
            String chatId = annsMessage.path("chat_id").asText();

            var bot = Sdk.client(server, app);
            var sent = bot.im()
                    .message()
                    .create(CreateMessageReq.newBuilder()
                            .receiveIdType("chat_id")
                            .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                    .receiveId(chatId)
                                    .msgType("text")
                                    .content("{\"text\":\"draft\"}")
                                    .build())
                            .build());
            assertThat(sent.getCode()).as(sent.getMsg()).isZero();
            String messageId = sent.getData().getMessageId();
            var edited = bot.im()
                    .message()
                    .update(UpdateMessageReq.newBuilder()
                            .messageId(messageId)
                            .updateMessageReqBody(UpdateMessageReqBody.newBuilder()
                                    .msgType("text")
                                    .content("{\"text\":\"final\"}")
                                    .build())
                            .build());
            assertThat(edited.getCode()).as(edited.getMsg()).isZero();
            Admin.ok(server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + tenant + "/users/ann/reads",
                            Map.of("message_ids", List.of(messageId), "app_id", app.appId())));
            // Recorded after the edit and the read: once it is delivered, so would they have been.
            Admin.ok(server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + tenant + "/users/ann/reactions",
                            Map.of("message_id", messageId, "emoji_type", "SMILE", "app_id", app.appId())));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> types(deliveries(app.appId())).contains("im.message.reaction.created_v1"));
            var delivered = types(deliveries(app.appId()));
            assertThat(delivered).contains("im.message.receive_v1", "im.message.message_read_v1");
            assertThat(delivered).noneMatch(t -> t.startsWith("larkspur."));

            var logged = types(Admin.ok(server.admin()
                            .call("GET", "/admin/v1/events?chat_id=" + chatId + "&app_id=" + app.appId(), null))
                    .path("items"));
            assertThat(logged).contains("im.message.message_read_v1", "im.message.reaction.created_v1");
            assertThat(logged).noneMatch(t -> t.startsWith("larkspur."));
        }
    }

    private static JsonNode deliveries(String appId) {
        return Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + appId + "/deliveries?page_size=500", null))
                .path("items");
    }

    private static List<String> types(JsonNode items) {
        var out = new ArrayList<String>();
        items.forEach(item -> out.add(item.path("event_type").asText()));
        return out;
    }
}
