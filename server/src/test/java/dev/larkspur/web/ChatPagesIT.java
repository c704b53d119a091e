package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chat pages at the HTTP level: who may open a chat, history by pages, search, sending. */
class ChatPagesIT {
    private static final Pattern OLDER = Pattern.compile("id=\"lk-older\" href=\"([^\"]+)\"");
    private static TestServer server;
    private static Properties demo;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        demo = server.demoCredentials();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPersonNotInTheChatGets404AndItsMemberReadsItsHistoryByPages() {
        var dave = signedIn("dave");
        String chatPath = startBotChat(dave);
        for (int i = 1; i <= 35; i++) {
            Admin.ok(server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + demo.getProperty("tenant_key") + "/users/dave/messages",
                            Map.of(
                                    "receive_id_type",
                                    "app_id",
                                    "receive_id",
                                    demo.getProperty("app_id"),
                                    "msg_type",
                                    "text",
                                    "content",
                                    "{\"text\":\"note " + i + "\"}")));
        }

        var latest = dave.get(chatPath);
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.body()).contains("note 35", "note 6").doesNotContain("note 5<");
        var older = OLDER.matcher(latest.body());
        assertThat(older.find()).isTrue();
        var page = dave.get(older.group(1).replace("&amp;", "&"));
        assertThat(page.body()).contains("note 5<", "note 1<").doesNotContain("note 6<");

        var erin = signedIn("erin");
        var refused = erin.get(chatPath);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("note 35");
        assertThat(erin.post(chatPath + "/messages", Map.of("_csrf", csrf(erin), "text", "intruding"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(erin.get("/chats/oc_doesnotexist").statusCode()).isEqualTo(404);
    }

    @Test
    void sendingWithoutHtmxRedirectsBackToTheChatAndSearchFindsItByName() {
        var carol = signedIn("carol");
        String chatPath = startBotChat(carol);
        var sent = carol.post(chatPath + "/messages", Map.of("_csrf", csrf(carol), "text", "plain form 1 < 2 & \"3\""));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(carol.get(chatPath).body()).contains("plain form 1 &lt; 2 &amp; &quot;3&quot;");

        assertThat(carol.get("/chats?q=demo").body()).contains("lk-chat-name\">Demo Bot<");
        assertThat(carol.get("/chats?q=nothing-like-it").body())
                .doesNotContain("lk-chat-name\">Demo Bot<")
                .contains("No chat matches.");
    }

    private static WebHttp signedIn(String name) {
        var web = new WebHttp(server);
        var reply = web.signIn(name + "@demo.larkspur.dev", demo.getProperty("web_password"));
        assertThat(reply.statusCode()).isEqualTo(302);
        return web;
    }

    private static String startBotChat(WebHttp web) {
        HttpResponse<String> started =
                web.post("/chats/bots/" + demo.getProperty("app_id"), Map.of("_csrf", csrf(web)));
        assertThat(started.statusCode()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("/chats/"));
    }

    private static String csrf(WebHttp web) {
        return WebHttp.csrfIn(web.get("/chats").body());
    }
}
