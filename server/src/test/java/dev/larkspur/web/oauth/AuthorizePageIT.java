package dev.larkspur.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.authen.v1.model.CreateOidcAccessTokenReq;
import com.lark.oapi.service.authen.v1.model.CreateOidcAccessTokenReqBody;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.ListChatReq;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorize page over HTTP as a browser uses it (session cookie, CSRF field): alice signs in,
 * allows the demo bot, and the bot exchanges the code with the official Java SDK and calls the IM
 * API as her. The page's look is the browser tests' business.
 */
class AuthorizePageIT {
    private static final String REDIRECT_URI = "http://localhost:8080/oauth-demo/callback";
    private static TestServer server;
    private static Admin.AppCreds demo;
    private static String password;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        var props = server.demoCredentials();
        demo = new Admin.AppCreds(
                props.getProperty("app_id"), props.getProperty("app_secret"), props.getProperty("tenant_key"));
        password = props.getProperty("web_password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String authorizeUrl(String redirectUri, String scope, String state) {
        return "/open-apis/authen/v1/authorize?client_id=" + demo.appId() + "&response_type=code&redirect_uri="
                + enc(redirectUri) + "&scope=" + enc(scope) + "&state=" + enc(state);
    }

    private static WebHttp signedIn(String email) {
        var web = new WebHttp(server);
        assertThat(web.signIn(email, password).statusCode()).isEqualTo(302);
        return web;
    }

    /** The page's form fields, as the browser would post them with the button pressed. */
    private static Map<String, String> answer(String page, String decision, String scope, String state) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", WebHttp.csrfIn(page));
        fields.put("client_id", demo.appId());
        fields.put("response_type", "code");
        fields.put("redirect_uri", REDIRECT_URI);
        fields.put("scope", scope);
        fields.put("state", state);
        fields.put("decision", decision);
        return fields;
    }

    @Test
    void signedOutPersonIsSentToSignInAndBack() {
        var web = new WebHttp(server);
        String url = authorizeUrl(REDIRECT_URI, "im:chat", "s1");

        var page = web.get(url);

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(location(page)).endsWith("/login?next=" + enc(url));
        var form = web.get("/login?next=" + enc(url));
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", WebHttp.csrfIn(form.body()));
        fields.put("email", "alice@demo.larkspur.dev");
        fields.put("password", password);
        fields.put("next", url);
        var signIn = web.post("/login", fields);
        assertThat(location(signIn)).endsWith(url);
        assertThat(web.get(url).statusCode()).isEqualTo(200);
    }

    @Test
    void allowingSendsTheBrowserBackWithACodeTheSdkExchangesToActAsThePerson() throws Exception {
        var web = signedIn("alice@demo.larkspur.dev");
        var page = web.get(authorizeUrl(REDIRECT_URI, "im:chat", "xyz 1"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Demo Bot", "im:chat", "Alice Chen", "name=\"decision\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' http://localhost:8080");

        var allowed = web.post("/open-apis/authen/v1/authorize", answer(page.body(), "allow", "im:chat", "xyz 1"));

        assertThat(allowed.statusCode()).isEqualTo(302);
        String location = location(allowed);
        assertThat(location).startsWith(REDIRECT_URI + "?");
        var query = query(location);
        assertThat(query).containsEntry("state", "xyz 1");
        var client = Sdk.client(server, demo);
        var token = client.authen()
                .oidcAccessToken()
                .create(CreateOidcAccessTokenReq.newBuilder()
                        .createOidcAccessTokenReqBody(CreateOidcAccessTokenReqBody.newBuilder()
                                .grantType("authorization_code")
                                .code(query.get("code"))
                                .build())
                        .build());
        assertThat(token.success()).as(token.getMsg()).isTrue();
        var asAlice = RequestOptions.newBuilder()
                .userAccessToken(token.getData().getAccessToken())
                .build();
        var me = client.authen().userInfo().get(asAlice);
        assertThat(me.getData().getName()).isEqualTo("Alice Chen");
        String chatId = client.im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name("Alice and the bot")
                                .userIdList(new String[] {me.getData().getOpenId()})
                                .build())
                        .build())
                .getData()
                .getChatId();
        var chats = client.im().chat().list(ListChatReq.newBuilder().build(), asAlice);
        assertThat(chats.getData().getItems()).extracting(c -> c.getChatId()).contains(chatId);
    }

    @Test
    void demoCallbackShowsTheCodeEscaped() {
        var page = new WebHttp(server).get("/oauth-demo/callback?code=abc123&state=%3Cscript%3Ex%3C%2Fscript%3E");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("abc123", "&lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void denyingSendsTheBrowserBackWithAccessDenied() {
        var web = signedIn("bob@demo.larkspur.dev");
        var page = web.get(authorizeUrl(REDIRECT_URI, "", "s2"));

        var denied = web.post("/open-apis/authen/v1/authorize", answer(page.body(), "deny", "", "s2"));

        assertThat(denied.statusCode()).isEqualTo(302);
        assertThat(query(location(denied)))
                .containsEntry("error", "access_denied")
                .containsEntry("state", "s2");
        assertThat(query(location(denied))).doesNotContainKey("code");
    }

    @Test
    void unregisteredRedirectUriShowsFeishusErrorAndRedirectsNowhere() {
        var web = signedIn("carol@demo.larkspur.dev");

        var page = web.get(authorizeUrl("https://evil.example/steal", "", "s3"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("20029").doesNotContain("name=\"decision\"");
    }

    @Test
    void answerWithoutTheCsrfTokenIsRefused() {
        var web = signedIn("dave@demo.larkspur.dev");
        var page = web.get(authorizeUrl(REDIRECT_URI, "", "s4"));
        var fields = answer(page.body(), "allow", "", "s4");
        fields.remove("_csrf");

        var refused = web.post("/open-apis/authen/v1/authorize", fields);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void historicIndexPageTakesAppId() {
        var web = signedIn("erin@demo.larkspur.dev");

        var page = web.get("/open-apis/authen/v1/index?app_id=" + demo.appId() + "&redirect_uri=" + enc(REDIRECT_URI)
                + "&state=old");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Demo Bot").contains("value=\"" + demo.appId() + "\"");
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static Map<String, String> query(String url) {
        var result = new HashMap<String, String>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            result.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
