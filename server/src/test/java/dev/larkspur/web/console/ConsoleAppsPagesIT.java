package dev.larkspur.web.console;

import static dev.larkspur.web.console.ConsoleSignInPagesIT.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.event.EventDispatcher;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Apps in the console over HTTP: credentials once, secret reset, scopes, bot, redirect URIs, event settings. */
class ConsoleAppsPagesIT {
    private static TestServer server;
    private static WebHttp web;
    private static String tenant;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        web = new WebHttp(server);
        ConsoleWeb.signIn(web, TestServer.ADMIN_TOKEN);
        tenant = server.admin().tenant("Apps Co");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Document page(String path) {
        var response = web.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static Document submit(String from, String path, Map<String, String> fields) {
        return page(location(ConsoleWeb.post(web, from, path, fields)).replaceFirst("^https?://[^/]+", ""));
    }

    private static Document createApp(String name) {
        var created = ConsoleWeb.post(
                web, "/console/apps?tenant=" + tenant, "/console/apps/" + tenant, Map.of("name", name, "bot", "true"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        return Jsoup.parse(created.body());
    }

    @Test
    void theSecretIsShownOnceAndWorksAndAResetReplacesIt() {
        var shown = createApp("Console Bot");
        String appId = shown.selectFirst("#lk-app-id").text();
        String secret = shown.selectFirst("#lk-app-secret").text();
        assertThat(shown.select("[data-copy=lk-app-secret]")).hasSize(1);
        assertThat(server.http().tenantToken(appId, secret)).isNotEmpty();

        assertThat(web.get("/console/apps/" + appId).body()).doesNotContain(secret);
        assertThat(web.get("/console/apps?tenant=" + tenant).body())
                .contains(appId)
                .doesNotContain(secret);

        var reset = ConsoleWeb.post(web, "/console/apps/" + appId, "/console/apps/" + appId + "/secret", Map.of());
        String fresh = Jsoup.parse(reset.body()).selectFirst("#lk-app-secret").text();
        assertThat(fresh).isNotEqualTo(secret);
        assertThat(server.http().tenantToken(appId, secret)).isEmpty();
        assertThat(server.http().tenantToken(appId, fresh)).isNotEmpty();
    }

    @Test
    void scopesBotAbilityAndRedirectUrisAreSavedThroughTheAdminServices() {
        String appId = createApp("Scoped Bot").selectFirst("#lk-app-id").text();
        String path = "/console/apps/" + appId;
        var settings = page(path);
        assertThat(settings.select("#lk-app-scopes legend").eachText()).contains("Messages", "Group chats", "Contacts");
        assertThat(settings.select("input[name=scope][value=im:message]").attr("checked"))
                .isNotNull();

        var csrf = WebHttp.csrfIn(web.get(path).body());
        var form = new ArrayList<Map.Entry<String, String>>();
        form.add(Map.entry("_csrf", csrf));
        form.add(Map.entry("scope", "im:message"));
        form.add(Map.entry("scope", "im:chat:readonly"));
        var saved = web.post(path + "/scopes", form);
        assertThat(location(saved)).endsWith(path);
        var app = Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + appId, null));
        assertThat(app.path("scopes").toString()).isEqualTo("[\"im:chat:readonly\",\"im:message\"]");

        var botOff = submit(path, path + "/profile", Map.of("name", "Scoped Bot"));
        assertThat(botOff.select("#lk-notice").text()).contains("bot ability off");
        assertThat(Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + appId, null))
                        .path("bot_enabled")
                        .asBoolean())
                .isFalse();

        var uris = submit(
                path, path + "/redirect-uris", Map.of("redirect_uris", "https://a.test/cb\n\nhttps://b.test/cb\n"));
        assertThat(uris.select("#lk-notice").text()).contains("Redirect URIs saved: 2.");
        assertThat(uris.selectFirst("#lk-redirect-uris").text()).contains("https://a.test/cb", "https://b.test/cb");
        var bad = submit(path, path + "/redirect-uris", Map.of("redirect_uris", "not a uri"));
        assertThat(bad.select("#lk-console-error").text()).isNotBlank();
    }

    @Test
    void aRequestUrlIsVerifiedOnSaveAndAFailureChangesNothing() throws Exception {
        String appId = createApp("Callback Bot").selectFirst("#lk-app-id").text();
        String path = "/console/apps/" + appId;
        var dispatcher = EventDispatcher.newBuilder("vt-console", "").build();
        try (var receiver = new EventReceiver(dispatcher)) {
            var refused = submit(
                    path,
                    path + "/events",
                    Map.of(
                            "mode",
                            "callback",
                            "request_url",
                            "http://127.0.0.1:9/nothing",
                            "verification_token",
                            "vt-console"));
            assertThat(refused.select("#lk-console-error").text()).contains("url_verification");
            assertThat(refused.selectFirst("#lk-request-url").attr("value")).isEmpty();

            var fields = new LinkedHashMap<String, String>();
            fields.put("mode", "callback");
            fields.put("request_url", receiver.url());
            fields.put("verification_token", "vt-console");
            fields.put("event_type", "im.message.receive_v1");
            var verified = submit(path, path + "/events", fields);
            assertThat(verified.select("#lk-notice").text())
                    .contains("Request URL verified")
                    .contains(receiver.url());
            assertThat(receiver.requests()).isEqualTo(1);
            var saved = Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + appId + "/event_settings", null));
            assertThat(saved.path("mode").asText()).isEqualTo("callback");
            assertThat(saved.path("event_types").toString()).isEqualTo("[\"im.message.receive_v1\"]");

            fields.put("verification_token", "vt-console");
            submit(path, path + "/events", fields);
            assertThat(receiver.requests())
                    .as("an unchanged URL is not challenged again")
                    .isEqualTo(1);
        }
    }
}
