package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.RawSocket;
import dev.larkspur.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JSON body is read as JSON whatever the request calls it (issue 10): lark-oapi (Python) posts the
 * token requests with no Content-Type at all, as {@code requests.post(url, headers=…, data=str)}
 * does, and bots send {@code text/plain} or {@code application/octet-stream}. A body that is not JSON
 * still gets Feishu's parameter error.
 */
class UntypedJsonBodyIT {
    /** The headers lark-oapi 1.3.5 sends with a token request (requests adds no Content-Type for str data). */
    private static final List<String> LARK_OAPI_HEADERS =
            List.of("User-Agent: oapi-sdk-python/v1.3.5", "Accept-Encoding: gzip, deflate", "Accept: */*");

    private static TestServer server;
    private static Admin.AppCreds app;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        app = server.admin().app(server.admin().tenant("Untyped Co"), "Bot");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String credentials() {
        return "{\"app_id\":\"" + app.appId() + "\",\"app_secret\":\"" + app.appSecret() + "\"}";
    }

    private static RawSocket.Reply post(String path, List<String> headers, String body) {
        return RawSocket.send(server.baseUrl(), "POST", path, headers, body);
    }

    private static List<String> withToken(String contentType) {
        return List.of("Authorization: Bearer " + tenantToken(), "Content-Type: " + contentType);
    }

    private static String tenantToken() {
        return server.http().tenantToken(app.appId(), app.appSecret());
    }

    @Test
    void tenantTokenRequestWithoutContentTypeIsAnswered() {
        var reply = post("/open-apis/auth/v3/tenant_access_token/internal", LARK_OAPI_HEADERS, credentials());

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.code()).isZero();
        assertThat(reply.body().path("tenant_access_token").asString()).startsWith("t-");
    }

    @Test
    void appTokenRequestWithoutContentTypeIsAnswered() {
        var reply = post("/open-apis/auth/v3/app_access_token/internal", LARK_OAPI_HEADERS, credentials());

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.code()).isZero();
        assertThat(reply.body().path("app_access_token").asString()).isNotEmpty();
        assertThat(reply.body().path("tenant_access_token").asString()).startsWith("t-");
    }

    @Test
    void imCallsReadTextPlainAndOctetStreamBodiesAsJson() {
        var chat = post("/open-apis/im/v1/chats", withToken("text/plain"), "{\"name\":\"Untyped chat\"}");
        assertThat(chat.code()).as(chat.body().toString()).isZero();
        String chatId = chat.data().path("chat_id").asString();
        assertThat(chatId).startsWith("oc_");

        var message = post(
                "/open-apis/im/v1/messages?receive_id_type=chat_id",
                withToken("application/octet-stream"),
                "{\"receive_id\":\"" + chatId + "\",\"msg_type\":\"text\",\"content\":\"{\\\"text\\\":\\\"hi\\\"}\"}");

        assertThat(message.code()).as(message.body().toString()).isZero();
        assertThat(message.data().path("chat_id").asString()).isEqualTo(chatId);
        assertThat(message.data().path("body").path("content").asString()).isEqualTo("{\"text\":\"hi\"}");
    }

    @Test
    void textPlainWithACharsetIsReadAsJsonToo() {
        var chat = post("/open-apis/im/v1/chats", withToken("text/plain; charset=utf-8"), "{\"name\":\"群 Untyped\"}");

        assertThat(chat.code()).as(chat.body().toString()).isZero();
        assertThat(chat.data().path("name").asString()).isEqualTo("群 Untyped");
    }

    @Test
    void tokenBodyThatIsNotJsonIsStillAnInvalidParameter() {
        var reply = post(
                "/open-apis/auth/v3/tenant_access_token/internal",
                LARK_OAPI_HEADERS,
                "app_id=" + app.appId() + "&app_secret=" + app.appSecret());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(10003);
    }

    @Test
    void imBodyThatIsNotJsonIsStillAFieldValidationError() {
        var untyped = post("/open-apis/im/v1/chats", withToken("text/plain"), "name=Untyped");
        var octets = post("/open-apis/im/v1/chats", withToken("application/octet-stream"), "\u0000\u0001");

        assertThat(untyped.status()).isEqualTo(400);
        assertThat(untyped.code()).isEqualTo(99992402);
        assertThat(octets.status()).isEqualTo(400);
        assertThat(octets.code()).isEqualTo(99992402);
    }
}
