package dev.larkspur.web.console;

import static dev.larkspur.web.console.ConsoleSignInPagesIT.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A group's custom bots in the console: added with their security settings, hook URL shown, deleted. */
class ConsoleCustomBotsPagesIT {
    private static TestServer server;
    private static WebHttp web;
    private static String chatId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        web = new WebHttp(server);
        ConsoleWeb.signIn(web, TestServer.ADMIN_TOKEN);
        String tenant = server.admin().tenant("Hooks Co");
        var app = server.admin().app(tenant, "Owner Bot");
        String token = server.http().tenantToken(app.appId(), app.appSecret());
        chatId = server.http()
                .post("/open-apis/im/v1/chats", token, "{\"name\":\"Alerts room\"}")
                .body()
                .path("data")
                .path("chat_id")
                .asText();
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

    @Test
    void addsAHookWithItsSettingsThatPostsIntoTheGroupAndDeletesIt() {
        String path = "/console/custom-bots?chat_id=" + chatId;
        assertThat(page(path).select(".lk-custom-bot")).isEmpty();
        var added = page(location(ConsoleWeb.post(
                        web,
                        path,
                        "/console/custom-bots/" + chatId,
                        Map.of("name", "Alerts", "secret", "true", "keywords", "alert\n", "ip_allow_list", "")))
                .replaceFirst("^https?://[^/]+", ""));
        assertThat(added.select("#lk-notice").text()).contains("Custom bot Alerts added.");
        var bot = added.selectFirst(".lk-custom-bot");
        assertThat(bot.select(".lk-tag").eachText()).contains("keyword: alert");
        String hook = bot.selectFirst(".lk-hook-url").text();
        assertThat(hook).startsWith(server.baseUrl() + "/open-apis/bot/v2/hook/");
        String secret = added.select("#lk-new-secret").text();
        assertThat(secret).as("the secret, shown once").hasSizeGreaterThanOrEqualTo(16);
        assertThat(bot.select(".lk-signed").text()).isEqualTo("signature on");

        var again = page(path);
        assertThat(again.select("#lk-new-secret")).as("not shown a second time").isEmpty();
        assertThat(again.html()).doesNotContain(secret);
        var reset = page(location(ConsoleWeb.post(
                        web,
                        path,
                        "/console/custom-bots/" + chatId + "/" + bot.attr("data-bot-id") + "/secret",
                        Map.of()))
                .replaceFirst("^https?://[^/]+", ""));
        assertThat(reset.select("#lk-notice").text()).contains("New signing secret for Alerts");
        String newSecret = reset.select("#lk-new-secret").text();
        assertThat(newSecret).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(secret);
        assertThat(server.admin()
                        .call("GET", "/admin/v1/chats/" + chatId + "/custom_bots", null)
                        .body()
                        .toString())
                .as("the admin list shows no secret either")
                .doesNotContain(newSecret)
                .contains("\"secret_enabled\":true");

        String botId = bot.attr("data-bot-id");
        var deleted = page(location(ConsoleWeb.post(
                        web, path, "/console/custom-bots/" + chatId + "/" + botId + "/delete", Map.of()))
                .replaceFirst("^https?://[^/]+", ""));
        assertThat(deleted.select("#lk-notice").text()).contains("deleted");
        assertThat(deleted.select(".lk-custom-bot")).isEmpty();
    }

    @Test
    void anUnknownChatOrAMissingNameIsSaidSo() {
        var unknown = web.get("/console/custom-bots?chat_id=oc_nosuchchat");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(unknown.body()).select("#lk-console-error").text())
                .contains("not found");

        String path = "/console/custom-bots?chat_id=" + chatId;
        var noName = page(location(ConsoleWeb.post(web, path, "/console/custom-bots/" + chatId, Map.of("name", " ")))
                .replaceFirst("^https?://[^/]+", ""));
        assertThat(noName.select("#lk-console-error").text()).contains("name is required");
    }
}
