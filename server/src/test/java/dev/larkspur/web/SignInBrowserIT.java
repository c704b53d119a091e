package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.authen.v1.model.CreateAccessTokenReq;
import com.lark.oapi.service.authen.v1.model.CreateAccessTokenReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Browser;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Signing in and out in real Chromium, at desktop and phone widths, and signing in to an app
 * through the authorize page (OAuth), whose code the official Java SDK exchanges to act as her.
 */
class SignInBrowserIT {
    private static TestServer server;
    private static String password;
    private static Properties demo;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        demo = server.demoCredentials();
        password = demo.getProperty("web_password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aliceSignsInAndOut() {
        try (var browser = Browser.open(server, Browser.DESKTOP)) {
            browser.go("/");
            assertThat(browser.path()).isEqualTo("/login");
            browser.screenshot("signin-desktop");

            browser.signIn("alice@demo.larkspur.dev", password);
            browser.waitFor(ExpectedConditions.urlContains("/chats"));
            assertThat(browser.find(".lk-me-name").getText()).isEqualTo("Alice Chen");
            browser.screenshot("chats-signed-in-desktop");

            browser.find("#lk-sign-out").click();
            browser.waitFor(ExpectedConditions.urlContains("/login"));
            browser.go("/chats");
            assertThat(browser.path())
                    .as("signed out: back to the sign-in page")
                    .isEqualTo("/login");
        }
    }

    @Test
    void aWrongPasswordIsSaidSoOnAPhone() {
        try (var browser = Browser.open(server, Browser.PHONE)) {
            browser.signIn("bob@demo.larkspur.dev", "not-his-password");
            assertThat(browser.find("#lk-signin-error").getText()).isEqualTo("Wrong email or password.");
            assertThat(browser.find("#lk-email").getAttribute("value")).isEqualTo("bob@demo.larkspur.dev");
            assertThat(browser.path()).isEqualTo("/login");
            browser.screenshot("signin-wrong-password-phone");
        }
    }

    @Test
    void aliceAllowsAnAppWhichExchangesTheCodeWithTheSdkAndWritesAsHer() throws Exception {
        String appId = demo.getProperty("app_id");
        String callback = server.baseUrl() + "/oauth-demo/callback";
        Admin.ok(server.admin()
                .call("PUT", "/admin/v1/apps/" + appId + "/redirect_uris", Map.of("redirect_uris", List.of(callback))));
        String authorize = "/open-apis/authen/v1/authorize?app_id=" + appId + "&redirect_uri="
                + URLEncoder.encode(callback, StandardCharsets.UTF_8) + "&state=st-42";

        try (var browser = Browser.open(server, Browser.DESKTOP)) {
            browser.go(authorize);
            assertThat(browser.path()).as("signed out: sign in first").isEqualTo("/login");
            browser.find("#lk-email").sendKeys("alice@demo.larkspur.dev");
            browser.find("#lk-password").sendKeys(password);
            browser.find("#lk-signin-submit").click();
            browser.waitFor(ExpectedConditions.urlContains("/open-apis/authen/v1/authorize"));
            assertThat(browser.find("#lk-oauth-title").getText()).contains("Demo Bot");
            assertThat(browser.find(".lk-oauth-who").getText()).contains("Alice Chen");
            browser.screenshot("oauth-authorize-desktop");

            browser.find("#lk-oauth-allow").click();
            browser.waitFor(ExpectedConditions.urlContains("/oauth-demo/callback"));
            var landed = URI.create(browser.driver().getCurrentUrl()).getQuery();
            assertThat(landed).contains("state=st-42");
            String code = browser.find("#lk-oauth-demo-code").getText();
            assertThat(landed).contains("code=" + code);
            browser.screenshot("oauth-callback-desktop");

            var client = Sdk.client(server, new Admin.AppCreds(appId, demo.getProperty("app_secret"), null));
            var token = client.authen()
                    .accessToken()
                    .create(CreateAccessTokenReq.newBuilder()
                            .createAccessTokenReqBody(CreateAccessTokenReqBody.newBuilder()
                                    .grantType("authorization_code")
                                    .code(code)
                                    .build())
                            .build());
            assertThat(token.success()).as(token.getMsg()).isTrue();
            var asAlice = RequestOptions.newBuilder()
                    .userAccessToken(token.getData().getAccessToken())
                    .build();
            var me = client.authen().userInfo().get(asAlice);
            assertThat(me.success()).as(me.getMsg()).isTrue();
            assertThat(me.getData().getName()).isEqualTo("Alice Chen");
            var sent = client.im()
                    .message()
                    .create(
                            CreateMessageReq.newBuilder()
                                    .receiveIdType("user_id")
                                    .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                            .receiveId("carol")
                                            .msgType("text")
                                            .content("{\"text\":\"sent by the app as alice\"}")
                                            .build())
                                    .build(),
                            asAlice);
            assertThat(sent.success()).as(sent.getMsg()).isTrue();

            // What the app wrote as her is hers in her own client.
            browser.go("/chats/" + sent.getData().getChatId());
            assertThat(browser.find(".lk-message-mine .lk-bubble").getText()).isEqualTo("sent by the app as alice");
            assertThat(browser.find(".lk-chat-title").getText()).isEqualTo("Carol Wang");
        }
    }
}
