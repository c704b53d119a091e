package dev.larkspur.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.ReadUsersMessageReq;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * People act through the admin API as a client would: writing to a bot, reading its messages; the
 * bot sees the same messages, receipts and events as on Feishu.
 */
class ActingUsersIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private record Setup(String tenant, Admin.AppCreds app, Client client) {}

    private static Setup setup() {
        String tenant = server.admin().tenant("Acting Co");
        var app = server.admin().app(tenant, "Bot");
        server.admin().user(tenant, Map.of("name", "Pat", "user_id", "pat"));
        return new Setup(tenant, app, Sdk.client(server, app));
    }

    private static JsonNode actAs(Setup s, String path, Map<String, Object> body) {
        return Admin.ok(server.admin().call("POST", "/admin/v1/tenants/" + s.tenant() + "/users/pat/" + path, body));
    }

    private static String openIdOfPat(Setup s) {
        return Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + s.tenant() + "/users/pat", null))
                .path("open_ids")
                .path(s.app().appId())
                .asText();
    }

    @Test
    void personWritingToBotLandsInTheirP2pChatAndRecordsAReceiveEvent() throws Exception {
        var s = setup();
        var sent = actAs(
                s,
                "messages",
                Map.of(
                        "receive_id_type",
                        "app_id",
                        "receive_id",
                        s.app().appId(),
                        "msg_type",
                        "text",
                        "content",
                        "{\"text\":\"hello bot\"}"));

        assertThat(sent.path("sender").path("sender_type").asText()).isEqualTo("user");
        assertThat(sent.path("sender").path("id").asText()).isEqualTo(openIdOfPat(s));
        // The bot answers into the same chat by sending to the person.
        var reply = s.client()
                .im()
                .message()
                .create(CreateMessageReq.newBuilder()
                        .receiveIdType("open_id")
                        .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                .receiveId(openIdOfPat(s))
                                .msgType("text")
                                .content("{\"text\":\"hi Pat\"}")
                                .build())
                        .build());
        assertThat(reply.getData().getChatId()).isEqualTo(sent.path("chat_id").asText());
        var events = Admin.ok(server.admin()
                .call(
                        "GET",
                        "/admin/v1/events?chat_id=" + sent.path("chat_id").asText() + "&app_id="
                                + s.app().appId(),
                        null));
        // The chat's first event is p2p_chat_create (pat started the chat); then the message.
        JsonNode received = null;
        for (JsonNode item : events.path("items")) {
            if (item.path("event_type").asText().equals("im.message.receive_v1")) {
                received = item.path("payload");
                break;
            }
        }
        assertThat(received).isNotNull();
        assertThat(received.path("header").path("event_type").asText()).isEqualTo("im.message.receive_v1");
        assertThat(received.path("event").path("message").path("chat_type").asText())
                .isEqualTo("p2p");
        assertThat(received.path("event")
                        .path("sender")
                        .path("sender_id")
                        .path("open_id")
                        .asText())
                .isEqualTo(openIdOfPat(s));
        assertThat(received.path("event").path("message").path("content").asText())
                .isEqualTo("{\"text\":\"hello bot\"}");
    }

    @Test
    void readingABotMessageInP2pShowsInReadUsersAndRecordsAReadEvent() throws Exception {
        var s = setup();
        var resp = s.client()
                .im()
                .message()
                .create(CreateMessageReq.newBuilder()
                        .receiveIdType("user_id")
                        .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                .receiveId("pat")
                                .msgType("text")
                                .content("{\"text\":\"please read\"}")
                                .build())
                        .build());
        String messageId = resp.getData().getMessageId();

        var before = s.client()
                .im()
                .message()
                .readUsers(ReadUsersMessageReq.newBuilder()
                        .messageId(messageId)
                        .userIdType("open_id")
                        .build());
        assertThat(before.getData().getItems()).isEmpty();

        assertThat(actAs(s, "reads", Map.of("message_ids", List.of(messageId)))
                        .path("read")
                        .asInt())
                .isEqualTo(1);
        assertThat(actAs(s, "reads", Map.of("message_ids", List.of(messageId)))
                        .path("read")
                        .asInt())
                .as("reading twice changes nothing")
                .isZero();

        var after = s.client()
                .im()
                .message()
                .readUsers(ReadUsersMessageReq.newBuilder()
                        .messageId(messageId)
                        .userIdType("open_id")
                        .build());
        assertThat(after.getData().getItems()).hasSize(1);
        assertThat(after.getData().getItems()[0].getUserId()).isEqualTo(openIdOfPat(s));
        assertThat(after.getData().getItems()[0].getTimestamp()).matches("\\d{13}");

        var events = Admin.ok(server.admin()
                .call(
                        "GET",
                        "/admin/v1/events?chat_id=" + resp.getData().getChatId() + "&app_id="
                                + s.app().appId(),
                        null));
        JsonNode read = null;
        for (JsonNode item : events.path("items")) {
            if (item.path("event_type").asText().equals("im.message.message_read_v1")) {
                read = item.path("payload").path("event");
            }
        }
        assertThat(read).isNotNull();
        assertThat(read.path("reader").path("reader_id").path("open_id").asText())
                .isEqualTo(openIdOfPat(s));
        assertThat(read.path("message_id_list").get(0).asText()).isEqualTo(messageId);
    }

    @Test
    void readUsersIsOnlyForTheSendingBot() throws Exception {
        var s = setup();
        var sent = actAs(
                s,
                "messages",
                Map.of(
                        "receive_id_type",
                        "app_id",
                        "receive_id",
                        s.app().appId(),
                        "msg_type",
                        "text",
                        "content",
                        "{\"text\":\"mine\"}"));

        var resp = s.client()
                .im()
                .message()
                .readUsers(ReadUsersMessageReq.newBuilder()
                        .messageId(sent.path("message_id").asText())
                        .userIdType("open_id")
                        .build());
        assertThat(resp.getCode()).isEqualTo(230012);
    }
}
