package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Open API path answers the same with one trailing slash (issue 10): pylark posts {@code
 * …/tenant_access_token/internal/}, and many hand-written bots add the slash to any path. The
 * "not supported" and 404 answers keep working with it.
 */
class TrailingSlashIT {
    private static TestServer server;
    private static Admin.AppCreds app;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        app = server.admin().app(server.admin().tenant("Slash Co"), "Bot");
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

    private static String token() {
        return server.http().tenantToken(app.appId(), app.appSecret());
    }

    @Test
    void tokenRequestsAreAnsweredWithATrailingSlash() {
        var tenant = server.http().post("/open-apis/auth/v3/tenant_access_token/internal/", null, credentials());
        var appToken = server.http().post("/open-apis/auth/v3/app_access_token/internal/", null, credentials());

        assertThat(tenant.status()).as(tenant.body().toString()).isEqualTo(200);
        assertThat(tenant.code()).isZero();
        assertThat(tenant.body().path("tenant_access_token").asString()).startsWith("t-");
        assertThat(appToken.code()).as(appToken.body().toString()).isZero();
        assertThat(appToken.body().path("app_access_token").asString()).isNotEmpty();
    }

    @Test
    void imCallsWithPathVariablesAndQueriesAreAnsweredWithATrailingSlash() {
        String token = token();
        var chat = server.http().post("/open-apis/im/v1/chats/", token, "{\"name\":\"Slashed\"}");
        assertThat(chat.code()).as(chat.body().toString()).isZero();
        String chatId = chat.body().path("data").path("chat_id").asString();

        var sent = server.http()
                .post(
                        "/open-apis/im/v1/messages/?receive_id_type=chat_id",
                        token,
                        "{\"receive_id\":\"" + chatId
                                + "\",\"msg_type\":\"text\",\"content\":\"{\\\"text\\\":\\\"/\\\"}\"}");
        var got = server.http().get("/open-apis/im/v1/chats/" + chatId + "/", token);
        var info = server.http().get("/open-apis/bot/v3/info/", token);

        assertThat(sent.code()).as(sent.body().toString()).isZero();
        assertThat(sent.body().path("data").path("chat_id").asString()).isEqualTo(chatId);
        assertThat(got.code()).as(got.body().toString()).isZero();
        assertThat(got.body().path("data").path("name").asString()).isEqualTo("Slashed");
        assertThat(info.code()).isZero();
        assertThat(info.body().path("bot").path("app_name").asString()).isEqualTo("Bot");
    }

    @Test
    void tokenChecksStillApplyWithATrailingSlash() {
        var reply = server.http().get("/open-apis/bot/v3/info/", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(99991661);
    }

    @Test
    void feishuApiLarkspurDoesNotServeAnswers501WithATrailingSlash() {
        var reply = server.http().get("/open-apis/calendar/v4/calendars/", token());

        assertThat(reply.status()).isEqualTo(501);
        assertThat(reply.code()).isEqualTo(99999501);
        assertThat(reply.body().path("msg").asString()).contains("GET /open-apis/calendar/v4/calendars ");
    }

    @Test
    void pathFeishuDoesNotHaveIsNotFoundWithATrailingSlash() {
        var reply = server.http().get("/open-apis/nope/v1/x/", token());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo(404);
        assertThat(reply.headers().get("x-tt-logid")).isNotEmpty();
    }
}
