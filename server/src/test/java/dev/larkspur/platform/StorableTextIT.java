package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.RawHttp;
import dev.larkspur.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text the databases cannot store alike is refused at the edge, identically on H2 and PostgreSQL
 * (issue 13 items 7 and 9): NUL characters and lone UTF-16 surrogates get 99992402 (10003 on the
 * token endpoints), over-long values get the API's own error, and none of them is a 500.
 */
class StorableTextIT {
    private static TestServer server;
    private static FuzzFixture fixture;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fixture = FuzzFixture.create(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String id(String name) {
        return fixture.ids().get(name);
    }

    private static String token() {
        return fixture.tokens().get(FuzzRoutes.Auth.TENANT);
    }

    private static RawHttp.Reply send(String content) {
        return server.http()
                .post(
                        "/open-apis/im/v1/messages?receive_id_type=chat_id",
                        token(),
                        "{\"receive_id\":\"" + id("chat") + "\",\"msg_type\":\"text\",\"content\":"
                                + EdgeFuzzIT.jsonString("{\"text\":\"" + content + "\"}") + "}");
    }

    @Test
    void loneSurrogateInMessageIsRefusedAndNothingIsStored() {
        for (String text : new String[] {"\uD800", "a\uDC00", "\uDE00\uD83D"}) {
            var reply = send(text);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo(FeishuErrors.FIELD_VALIDATION);
            assertThat(reply.body()
                            .path("error")
                            .path("field_violations")
                            .path(0)
                            .path("field")
                            .asText())
                    .isEqualTo("content");
        }
        var history = server.http()
                .get("/open-apis/im/v1/messages?container_id_type=chat&container_id=" + id("chat"), token());
        assertThat(history.body().path("data").path("items").toString()).doesNotContain("\\ud800", "\\udc00");
    }

    @Test
    void theLegacyApisAnswerARefusedValueInTheirOwnShape() {
        var send = server.http()
                .post(
                        "/open-apis/message/v4/send",
                        token(),
                        "{\"chat_id\":\"" + id("chat")
                                + "\",\"msg_type\":\"text\",\"content\":{\"text\":\"a\\u0000b\"}}");
        var batch = server.http()
                .post(
                        "/open-apis/message/v4/batch_send/",
                        token(),
                        "{\"open_ids\":[\"ou_\\u0000\"],\"msg_type\":\"text\",\"content\":{\"text\":\"hi\"}}");

        for (var reply : java.util.List.of(send, batch)) {
            // As these APIs answer their other invalid parameters (LegacyErrors): 10003 with HTTP 200.
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.code()).isEqualTo(10003);
            assertThat(reply.body().path("msg").asText()).startsWith("invalid parameter, ext=");
        }
        assertThat(send.body().path("msg").asText()).contains("content.text");
    }

    @Test
    void pairedSurrogatesRoundTripOnBothDatabases() {
        var reply = send("smile 😀");
        assertThat(reply.code()).isZero();

        String messageId = reply.body().path("data").path("message_id").asText();
        var read = server.http().get("/open-apis/im/v1/messages/" + messageId, token());
        assertThat(read.body()
                        .path("data")
                        .path("items")
                        .path(0)
                        .path("body")
                        .path("content")
                        .asText())
                .isEqualTo("{\"text\":\"smile 😀\"}");
    }

    @Test
    void nulInMessageIsRefused() {
        var reply = send("a\u0000b");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(FeishuErrors.FIELD_VALIDATION);
    }

    @Test
    void nulInTheUnauthenticatedTokenRequestIsAParameterError() {
        var reply = server.http()
                .post(
                        "/open-apis/auth/v3/tenant_access_token/internal",
                        null,
                        "{\"app_id\":\"cli_\\u0000\",\"app_secret\":\"x\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(FeishuErrors.INVALID_PARAMETER);
        assertThat(reply.body().path("msg").asText()).contains("app_id");
    }

    @Test
    void nulInTheLongConnectionAppIdIsRefused() {
        var reply = server.http().post("/callback/ws/endpoint", null, "{\"AppID\":\"\\u0000\",\"AppSecret\":\"x\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(FeishuErrors.FIELD_VALIDATION);
    }

    @Test
    void nulInAQueryParameterIsRefused() {
        var reply = server.http().get("/open-apis/im/v1/chats/search?query=a%00b", token());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(FeishuErrors.FIELD_VALIDATION);
    }

    @Test
    void overLongReceiveIdWithUuidIsAnInvalidReceiveId() {
        String body = "{\"receive_id\":\"oc_" + "f".repeat(300)
                + "\",\"msg_type\":\"text\",\"content\":\"{\\\"text\\\":\\\"x\\\"}\",\"uuid\":\"long-1\"}";
        var reply = server.http().post("/open-apis/im/v1/messages?receive_id_type=chat_id", token(), body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(230001);
    }

    @Test
    void overLongAdminFieldIsAFieldValidationError() {
        var reply = server.admin()
                .call("POST", "/admin/v1/tenants/" + id("tenant") + "/users", Map.of("name", "x".repeat(5000)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(FeishuErrors.FIELD_VALIDATION);
    }
}
