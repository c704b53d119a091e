package dev.larkspur.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.ListMessageReq;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /admin/v1/chats/{chat_id}/messages}: the app's view of a chat, outside its Open API budget and faults. */
class AdminChatMessagesIT {
    private static TestServer server;
    private static Admin.AppCreds app;
    private static Admin.AppCreds outsider;
    private static String chatId;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        String tenant = server.admin().tenant("History Co");
        app = server.admin().app(tenant, "History Bot");
        outsider = server.admin().app(tenant, "Outsider Bot");
        server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
        chatId = Sdk.client(server, app)
                .im()
                .v1()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .userIdType("user_id")
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name("History")
                                .userIdList(new String[] {"ann"})
                                .build())
                        .build())
                .getData()
                .getChatId();
        for (String text : new String[] {"one", "two", "three"}) {
            Admin.ok(server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + tenant + "/users/ann/messages",
                            Map.of(
                                    "receive_id_type",
                                    "chat_id",
                                    "receive_id",
                                    chatId,
                                    "msg_type",
                                    "text",
                                    "content",
                                    "{\"text\":\"" + text + "\"}")));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listsTheChatOldestFirstInPagesAsTheOpenApiDoesForTheApp() throws Exception {
        var first = Admin.ok(server.admin().call("GET", path(app.appId()) + "&page_size=2", null));
        var second = Admin.ok(server.admin()
                .call(
                        "GET",
                        path(app.appId()) + "&page_size=2&page_token="
                                + first.path("page_token").asText(),
                        null));

        assertThat(first.path("has_more").asBoolean()).isTrue();
        assertThat(first.path("items").toString()).contains("one", "two").doesNotContain("three");
        assertThat(second.path("items").toString()).contains("three");
        var viaOpenApi = Sdk.client(server, app)
                .im()
                .v1()
                .message()
                .list(ListMessageReq.newBuilder()
                        .containerIdType("chat")
                        .containerId(chatId)
                        .build());
        assertThat(first.path("items").get(0).path("message_id").asText())
                .isEqualTo(viaOpenApi.getData().getItems()[0].getMessageId());
        assertThat(first.path("items").get(0).path("sender").path("id").asText())
                .isEqualTo(viaOpenApi.getData().getItems()[0].getSender().getId());
    }

    @Test
    void takesNoFaultMeantForTheOpenApi() {
        var rule = Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/faults",
                        Map.of("action", "error", "code", 99991400, "path", "/open-apis/im/v1/messages")));
        try {
            var page = Admin.ok(server.admin().call("GET", path(app.appId()), null));
            assertThat(page.path("items")).hasSize(3);
        } finally {
            Admin.ok(server.admin()
                    .call("DELETE", "/admin/v1/faults/" + rule.path("id").asText(), null));
        }
    }

    @Test
    void refusesAnAppThatIsNotInTheChatAndAMissingAppId() {
        var reply = server.admin().call("GET", path(outsider.appId()), null);
        assertThat(reply.code()).isNotZero();
        assertThat(reply.status()).isBetween(400, 499);
        var none = server.admin().call("GET", "/admin/v1/chats/" + chatId + "/messages", null);
        assertThat(none.status()).isEqualTo(400);
    }

    private static String path(String appId) {
        return "/admin/v1/chats/" + chatId + "/messages?app_id=" + appId;
    }
}
