package dev.larkspur.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.authen.v1.model.CreateAccessTokenReq;
import com.lark.oapi.service.authen.v1.model.CreateAccessTokenReqBody;
import com.lark.oapi.service.authen.v1.model.CreateAccessTokenResp;
import com.lark.oapi.service.authen.v1.model.CreateOidcAccessTokenReq;
import com.lark.oapi.service.authen.v1.model.CreateOidcAccessTokenReqBody;
import com.lark.oapi.service.authen.v1.model.CreateOidcRefreshAccessTokenReq;
import com.lark.oapi.service.authen.v1.model.CreateOidcRefreshAccessTokenReqBody;
import com.lark.oapi.service.authen.v1.model.CreateRefreshAccessTokenReq;
import com.lark.oapi.service.authen.v1.model.CreateRefreshAccessTokenReqBody;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.ListChatReq;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feishu's OAuth for apps through the official Java SDK's authen v1 calls: a person allows an app
 * (through the admin API, which calls the authorize page's service), the app exchanges the code,
 * refreshes, reads the person, and calls the IM API as them.
 */
class OAuthIT {
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

    private static CreateAccessTokenResp exchange(Client client, String code) throws Exception {
        return client.authen()
                .accessToken()
                .create(CreateAccessTokenReq.newBuilder()
                        .createAccessTokenReqBody(CreateAccessTokenReqBody.newBuilder()
                                .grantType("authorization_code")
                                .code(code)
                                .build())
                        .build());
    }

    private static RequestOptions asUser(String userAccessToken) {
        return RequestOptions.newBuilder().userAccessToken(userAccessToken).build();
    }

    @Test
    void sdkExchangesCodeRefreshesReadsThePersonAndActsAsThem() throws Exception {
        var flow = OAuthFlow.create(server, "Flow");
        var client = Sdk.client(server, flow.app);

        var token = exchange(client, flow.code("im:chat contact:user.base:readonly"));
        assertThat(token.success()).as(token.getMsg()).isTrue();
        var data = token.getData();
        assertThat(data.getAccessToken()).startsWith("u-");
        assertThat(data.getRefreshToken()).startsWith("ur-");
        assertThat(data.getTokenType()).isEqualTo("Bearer");
        assertThat(data.getExpiresIn()).isBetween(7190, 7200);
        assertThat(data.getRefreshExpiresIn()).isEqualTo(30 * 24 * 3600);
        assertThat(data.getOpenId()).isEqualTo(flow.openId());
        assertThat(data.getTenantKey()).isEqualTo(flow.tenant);
        assertThat(data.getName()).isEqualTo("Ann Flow");

        var info = client.authen().userInfo().get(asUser(data.getAccessToken()));
        assertThat(info.success()).as(info.getMsg()).isTrue();
        assertThat(info.getData().getOpenId()).isEqualTo(flow.openId());
        assertThat(info.getData().getUnionId()).isEqualTo(data.getUnionId()).startsWith("on_");
        assertThat(info.getData().getEmail()).isEqualTo("ann@flow.test");
        assertThat(info.getData().getUserId()).isEqualTo("ann");
        assertThat(info.getData().getEnName()).isEqualTo("Ann");

        var refreshed = client.authen()
                .refreshAccessToken()
                .create(CreateRefreshAccessTokenReq.newBuilder()
                        .createRefreshAccessTokenReqBody(CreateRefreshAccessTokenReqBody.newBuilder()
                                .grantType("refresh_token")
                                .refreshToken(data.getRefreshToken())
                                .build())
                        .build());
        assertThat(refreshed.success()).as(refreshed.getMsg()).isTrue();
        assertThat(refreshed.getData().getAccessToken()).startsWith("u-").isNotEqualTo(data.getAccessToken());
        assertThat(refreshed.getData().getRefreshToken()).startsWith("ur-").isNotEqualTo(data.getRefreshToken());
        assertThat(refreshed.getData().getOpenId()).isEqualTo(flow.openId());

        // The bot puts the person in a group; the person's token lists it, as with any user token.
        String chatId = client.im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name("OAuth group")
                                .userIdList(new String[] {flow.openId()})
                                .build())
                        .build())
                .getData()
                .getChatId();
        var chats = client.im()
                .chat()
                .list(
                        ListChatReq.newBuilder().build(),
                        asUser(refreshed.getData().getAccessToken()));
        assertThat(chats.success()).as(chats.getMsg()).isTrue();
        assertThat(chats.getData().getItems()).extracting(i -> i.getChatId()).containsExactly(chatId);
    }

    @Test
    void refreshTokenIsSingleUse() throws Exception {
        var flow = OAuthFlow.create(server, "Rotate");
        var client = Sdk.client(server, flow.app);
        String refreshToken = exchange(client, flow.code("")).getData().getRefreshToken();
        var refresh = CreateOidcRefreshAccessTokenReq.newBuilder()
                .createOidcRefreshAccessTokenReqBody(CreateOidcRefreshAccessTokenReqBody.newBuilder()
                        .grantType("refresh_token")
                        .refreshToken(refreshToken)
                        .build())
                .build();

        assertThat(client.authen().oidcRefreshAccessToken().create(refresh).success())
                .isTrue();
        var again = client.authen().oidcRefreshAccessToken().create(refresh);
        assertThat(again.getCode()).isEqualTo(20038);
        assertThat(again.getMsg()).contains("refresh token");
    }

    @Test
    void oidcCallsAnswerTheTokenAndTheGrantedScopes() throws Exception {
        var flow = OAuthFlow.create(server, "Oidc");
        var client = Sdk.client(server, flow.app);
        flow.code("im:chat");

        var token = client.authen()
                .oidcAccessToken()
                .create(CreateOidcAccessTokenReq.newBuilder()
                        .createOidcAccessTokenReqBody(CreateOidcAccessTokenReqBody.newBuilder()
                                .grantType("authorization_code")
                                .code(flow.code("im:message"))
                                .build())
                        .build());

        assertThat(token.success()).as(token.getMsg()).isTrue();
        assertThat(token.getData().getAccessToken()).startsWith("u-");
        assertThat(token.getData().getRefreshExpiresIn()).isEqualTo(30 * 24 * 3600);
        // Grants accumulate: the second code carries what the person allowed the first time too.
        assertThat(List.of(token.getData().getScope().split(" "))).containsExactlyInAnyOrder("im:chat", "im:message");
    }

    @Test
    void codeIsSingleUse() throws Exception {
        var flow = OAuthFlow.create(server, "Once");
        var client = Sdk.client(server, flow.app);
        String code = flow.code("");

        assertThat(exchange(client, code).success()).isTrue();
        var again = exchange(client, code);
        assertThat(again.getCode()).isEqualTo(20003);
        assertThat(again.getMsg()).contains("only be used once");
    }

    @Test
    void codeExpiresAfterFiveMinutes() throws Exception {
        var flow = OAuthFlow.create(server, "Late");
        var client = Sdk.client(server, flow.app);
        String code = flow.code("");

        server.clock().advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(exchange(client, code).getCode()).isEqualTo(20004);
    }

    @Test
    void codeOfAnotherAppIsRefused() throws Exception {
        var flow = OAuthFlow.create(server, "Mine");
        var other = server.admin().app(flow.tenant, "Other Bot");

        var reply = exchange(Sdk.client(server, other), flow.code(""));

        assertThat(reply.getCode()).isEqualTo(20024);
    }

    @Test
    void unregisteredRedirectUriIsRefusedAndNoCodeIssued() {
        var flow = OAuthFlow.create(server, "Stray");

        var reply = flow.authorize(
                Map.of("app_id", flow.app.appId(), "redirect_uri", "https://evil.example/steal", "state", "x"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(20029);
        assertThat(reply.body().path("data").has("redirect_url")).isFalse();
    }

    @Test
    void registeredUriDiffersFromAPrefixOfIt() {
        var flow = OAuthFlow.create(server, "Prefix");

        var reply =
                flow.authorize(Map.of("app_id", flow.app.appId(), "redirect_uri", OAuthFlow.REDIRECT_URI + "/../../x"));

        assertThat(reply.code()).isEqualTo(20029);
    }

    @Test
    void scopeTheAppHasNotEnabledIsRefused() {
        var flow = OAuthFlow.create(server, "Greedy");

        var reply = flow.authorize(
                Map.of("app_id", flow.app.appId(), "redirect_uri", OAuthFlow.REDIRECT_URI, "scope", "drive:drive"));

        assertThat(reply.code()).isEqualTo(20027);
    }

    @Test
    void stateComesBackAsGiven() {
        var flow = OAuthFlow.create(server, "State");

        String url = Admin.ok(flow.authorize(
                        Map.of("app_id", flow.app.appId(), "redirect_uri", OAuthFlow.REDIRECT_URI, "state", "a b&c=d")))
                .path("redirect_url")
                .asText();

        assertThat(OAuthFlow.query(url)).containsEntry("state", "a b&c=d").containsKey("code");
    }

    @Test
    void redirectUrisAreReplacedAndRead() {
        var flow = OAuthFlow.create(server, "Uris");
        String path = "/admin/v1/apps/" + flow.app.appId() + "/redirect_uris";

        OAuthFlow.registerRedirectUris(
                server, flow.app.appId(), List.of("http://localhost:3000/cb", "https://b.example/cb"));

        var listed = Admin.ok(server.admin().call("GET", path, null)).path("redirect_uris");
        assertThat(listed)
                .extracting(n -> n.asText())
                .containsExactlyInAnyOrder("http://localhost:3000/cb", "https://b.example/cb");
        var bad = server.admin().call("PUT", path, Map.of("redirect_uris", List.of("javascript:alert(1)")));
        assertThat(bad.status()).isEqualTo(400);
        // The old URI is gone with the replacement.
        assertThat(flow.authorize(Map.of("app_id", flow.app.appId(), "redirect_uri", OAuthFlow.REDIRECT_URI))
                        .code())
                .isEqualTo(20029);
    }

    @Test
    void userInfoNeedsAUserToken() {
        var flow = OAuthFlow.create(server, "Info");
        String tenantToken = server.http().tenantToken(flow.app.appId(), flow.app.appSecret());

        var reply = server.http().get("/open-apis/authen/v1/user_info", tenantToken);

        assertThat(reply.code()).isEqualTo(99991663);
    }
}
