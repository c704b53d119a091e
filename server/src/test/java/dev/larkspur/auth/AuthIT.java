package dev.larkspur.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.token.AccessTokenType;
import com.lark.oapi.service.contact.v3.model.BatchGetIdUserReq;
import com.lark.oapi.service.contact.v3.model.BatchGetIdUserReqBody;
import dev.larkspur.support.Admin;
import dev.larkspur.support.RawHttp;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The token endpoints and every token check, driven by the official Java SDK and raw HTTP. */
class AuthIT {
    private static final String BOT_INFO = "/open-apis/bot/v3/info";
    private static TestServer server;
    private static String tenant;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        tenant = server.admin().tenant("Auth Co");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Admin.AppCreds newApp() {
        return server.admin().app(tenant, "Bot");
    }

    @Test
    void sdkObtainsTenantTokenAndReadsBotInfo() throws Exception {
        var app = newApp();
        var raw = Sdk.client(server, app).get(BOT_INFO, null, AccessTokenType.Tenant);

        var body = JsonMapper.builder().build().readTree(new String(raw.getBody(), StandardCharsets.UTF_8));
        assertThat(raw.getStatusCode()).isEqualTo(200);
        assertThat(body.path("code").asInt()).isZero();
        assertThat(body.has("data")).isFalse();
        assertThat(body.path("bot").path("app_name").asText()).isEqualTo("Bot");
        assertThat(body.path("bot").path("open_id").asText()).startsWith("ou_");
        assertThat(body.path("bot").path("activate_status").isInt()).isTrue();
        assertThat(body.path("bot").path("ip_white_list").isArray()).isTrue();
    }

    @Test
    void tokenResponseHasTopLevelFieldsAndExpireInSeconds() {
        var app = newApp();
        var reply = server.http()
                .post(
                        "/open-apis/auth/v3/tenant_access_token/internal",
                        null,
                        "{\"app_id\":\"" + app.appId() + "\",\"app_secret\":\"" + app.appSecret() + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("tenant_access_token").asText()).startsWith("t-");
        assertThat(reply.body().path("expire").isInt()).isTrue();
        assertThat(reply.body().path("expire").asInt()).isEqualTo(7200);
        assertThat(reply.body().has("data")).isFalse();
    }

    @Test
    void appAccessTokenEndpointReturnsBothTokens() {
        var app = newApp();
        var reply = server.http()
                .post(
                        "/open-apis/auth/v3/app_access_token/internal",
                        null,
                        "{\"app_id\":\"" + app.appId() + "\",\"app_secret\":\"" + app.appSecret() + "\"}");

        assertThat(reply.body().path("app_access_token").asText()).startsWith("t-");
        assertThat(reply.body().path("tenant_access_token").asText())
                .isEqualTo(reply.body().path("app_access_token").asText());
    }

    @Test
    void repeatRequestReturnsSameTokenWhileThirtyMinutesOrMoreRemain() {
        var app = newApp();
        String first = server.http().tenantToken(app.appId(), app.appSecret());
        server.clock().advance(Duration.ofMinutes(60));

        var again = tokenReply(app);
        assertThat(again.body().path("tenant_access_token").asText()).isEqualTo(first);
        // The server clock is real time plus the offset, so a second or two may pass.
        assertThat(again.body().path("expire").asInt()).isBetween(3590, 3600);
    }

    @Test
    void newTokenIsIssuedUnderThirtyMinutesAndOldOneStaysValid() {
        var app = newApp();
        String first = server.http().tenantToken(app.appId(), app.appSecret());
        server.clock().advance(Duration.ofMinutes(91));

        String second = server.http().tenantToken(app.appId(), app.appSecret());
        assertThat(second).isNotEqualTo(first);
        assertThat(server.http().get(BOT_INFO, first).code()).isZero();
        assertThat(server.http().get(BOT_INFO, second).code()).isZero();
        assertThat(tokenReply(app).body().path("expire").asInt()).isBetween(7190, 7200);
    }

    @Test
    void expiredTokenIsRejected() {
        var app = newApp();
        String token = server.http().tenantToken(app.appId(), app.appSecret());
        server.clock().advance(Duration.ofHours(2).plusSeconds(1));

        var reply = server.http().get(BOT_INFO, token);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(99991663);
    }

    @Test
    void missingTokenIsRejected() {
        var reply = server.http().get(BOT_INFO, null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(99991661);
        assertThat(reply.body().path("msg").asText()).isEqualTo("Need a token");
    }

    @Test
    void nonBearerAuthorizationIsRejectedAsMissingToken() {
        var reply = server.http().sendWithHeader("GET", BOT_INFO, "Authorization", "Basic abc");
        assertThat(reply.code()).isEqualTo(99991661);
    }

    @Test
    void tokenWithoutKnownPrefixIsRejected() {
        assertThat(server.http().get(BOT_INFO, "x-123").code()).isEqualTo(99991671);
    }

    @Test
    void unknownTenantTokenIsRejected() {
        assertThat(server.http().get(BOT_INFO, "t-doesnotexist").code()).isEqualTo(99991663);
    }

    @Test
    void unknownUserTokenIsRejected() {
        assertThat(server.http()
                        .get("/open-apis/contact/v3/users/x", "u-doesnotexist")
                        .code())
                .isEqualTo(99991668);
    }

    @Test
    void userTokenOnTenantOnlyEndpointIsRejected() {
        var app = newApp();
        server.admin().user(tenant, Map.of("name", "Una", "user_id", "una-" + app.appId()));
        String userToken = server.admin().userToken(app.appId(), "una-" + app.appId());

        var reply = server.http().get(BOT_INFO, userToken);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(99991668);
    }

    @Test
    void wrongSecretIsRejected() {
        var app = newApp();
        var reply = server.http()
                .post(
                        "/open-apis/auth/v3/tenant_access_token/internal",
                        null,
                        "{\"app_id\":\"" + app.appId() + "\",\"app_secret\":\"wrong-secret\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(10014);
        assertThat(reply.body().has("tenant_access_token")).isFalse();
    }

    @Test
    void unknownAppIsRejected() {
        var reply = server.http()
                .post(
                        "/open-apis/auth/v3/tenant_access_token/internal",
                        null,
                        "{\"app_id\":\"cli_0000000000000000\",\"app_secret\":\"whatever1\"}");
        assertThat(reply.code()).isEqualTo(10003);
    }

    @Test
    void missingCredentialsAreAParameterError() {
        assertThat(server.http()
                        .post("/open-apis/auth/v3/tenant_access_token/internal", null, "{}")
                        .code())
                .isEqualTo(10003);
        assertThat(server.http()
                        .post("/open-apis/auth/v3/tenant_access_token/internal", null, null)
                        .code())
                .isEqualTo(10003);
    }

    @Test
    void missingScopeIsDeniedWithPermissionViolations() throws Exception {
        var app = server.admin().app(tenant, "Narrow", List.of("im:chat"));
        var resp = Sdk.client(server, app)
                .contact()
                .user()
                .batchGetId(BatchGetIdUserReq.newBuilder()
                        .batchGetIdUserReqBody(BatchGetIdUserReqBody.newBuilder()
                                .emails(new String[] {"a@b.c"})
                                .build())
                        .build());

        assertThat(resp.getCode()).isEqualTo(99991672);
        assertThat(resp.getError().getPermissionViolations()[0].getSubject()).isEqualTo("contact:user.id:readonly");
        assertThat(resp.getRequestId()).isNotBlank();
    }

    @Test
    void scopeChangeTakesEffectOnTheNextCall() {
        var app = server.admin().app(tenant, "Grows", List.of("im:chat"));
        String token = server.http().tenantToken(app.appId(), app.appSecret());
        String path = "/open-apis/contact/v3/users/batch_get_id";
        assertThat(server.http().post(path, token, "{}").code()).isEqualTo(99991672);

        Admin.ok(server.admin()
                .call("PATCH", "/admin/v1/apps/" + app.appId(), Map.of("scopes", List.of("contact:user.id:readonly"))));
        assertThat(server.http().post(path, token, "{}").code()).isZero();
    }

    private static RawHttp.Reply tokenReply(Admin.AppCreds app) {
        return server.http()
                .post(
                        "/open-apis/auth/v3/tenant_access_token/internal",
                        null,
                        "{\"app_id\":\"" + app.appId() + "\",\"app_secret\":\"" + app.appSecret() + "\"}");
    }
}
