package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chats between two people in the browser client at the HTTP level (issue 17's web part). */
class PeopleChatPagesIT {
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
    void aliceStartsAChatWithBobTheyWriteBothWaysAndOthersCannotOpenIt() {
        var alice = signedIn("alice");
        String list = alice.get("/chats").body();
        assertThat(list).contains("id=\"lk-person-bob\"").doesNotContain("id=\"lk-person-alice\"");

        String chatPath = startWith(alice, "bob");
        assertThat(startWith(alice, "bob")).as("reused").isEqualTo(chatPath);
        var page = alice.get(chatPath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lk-chat-title\">Bob Li<");
        var sent = alice.post(chatPath + "/messages", Map.of("_csrf", csrf(alice), "text", "hi bob, lunch?"));
        assertThat(sent.statusCode()).isEqualTo(302);

        var bob = signedIn("bob");
        assertThat(startWith(bob, "alice"))
                .as("the same chat from the other side")
                .isEqualTo(chatPath);
        String bobsList = bob.get("/chats").body();
        assertThat(bobsList)
                .contains("href=\"" + chatPath + "\"")
                .contains("lk-chat-name\">Alice Chen<")
                .contains(">Person<");
        var bobsPage = bob.get(chatPath);
        assertThat(bobsPage.statusCode()).isEqualTo(200);
        assertThat(bobsPage.body()).contains("hi bob, lunch?").contains("lk-chat-title\">Alice Chen<");
        var answer = bob.post(
                chatPath + "/messages",
                Map.of("_csrf", csrf(bob), "text", "sure, at noon"),
                Map.of("HX-Request", "true"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("sure, at noon");
        assertThat(alice.get(chatPath).body()).contains("hi bob, lunch?", "sure, at noon");
        assertThat(alice.get("/chats?q=bob").body()).contains("href=\"" + chatPath + "\"");

        var erin = signedIn("erin");
        assertThat(erin.get(chatPath).statusCode()).isEqualTo(404);
        assertThat(erin.post(chatPath + "/messages", Map.of("_csrf", csrf(erin), "text", "intruding"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(erin.get("/chats").body()).doesNotContain(chatPath);
        assertThat(alice.get(chatPath).body()).doesNotContain("intruding");
    }

    @Test
    void oneselfAnUnknownPersonAndAFormWithoutItsTokenAreRefused() {
        var carol = signedIn("carol");
        assertThat(carol.post("/chats/people/carol", Map.of("_csrf", csrf(carol)))
                        .statusCode())
                .isEqualTo(404);
        assertThat(carol.post("/chats/people/nobody-here", Map.of("_csrf", csrf(carol)))
                        .statusCode())
                .isEqualTo(404);
        var forged = carol.post("/chats/people/dave", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(carol.get("/chats").body()).doesNotContain("/chats/oc_");
    }

    @Test
    void theListCountsWhatOthersWroteSinceTheLastReadAndSearchesByTheOtherPersonsName() {
        var dave = signedIn("dave");
        var erin = signedIn("erin");
        String chatPath = startWith(dave, "erin");
        for (String text : new String[] {"one", "two", "three"}) {
            dave.post(chatPath + "/messages", Map.of("_csrf", csrf(dave), "text", text));
        }
        assertThat(unreadOf(erin, chatPath)).as("three from dave").isEqualTo("3");
        assertThat(unreadOf(dave, chatPath))
                .as("one's own messages are not unread")
                .isNull();

        assertThat(erin.get(chatPath).statusCode()).isEqualTo(200);
        assertThat(unreadOf(erin, chatPath)).as("opening the chat reads it").isNull();
        erin.post(chatPath + "/messages", Map.of("_csrf", csrf(erin), "text", "hello dave"));
        assertThat(unreadOf(dave, chatPath)).as("erin's answer").isEqualTo("1");
        dave.post(chatPath + "/messages", Map.of("_csrf", csrf(dave), "text", "four"));
        assertThat(unreadOf(dave, chatPath))
                .as("writing reads what came before")
                .isNull();
        assertThat(unreadOf(erin, chatPath)).as("only what came after").isEqualTo("1");

        String davesName = Jsoup.parse(erin.get(chatPath).body())
                .selectFirst(".lk-chat-title")
                .text();
        String byName = erin.get("/chats?q=" + davesName.substring(0, 3).toUpperCase(java.util.Locale.ROOT))
                .body();
        assertThat(byName).contains("href=\"" + chatPath + "\"");
        assertThat(erin.get("/chats?q=erin").body())
                .as("not by one's own name")
                .doesNotContain("href=\"" + chatPath + "\"");
        assertThat(erin.get("/chats?q=demo%20bot").body()).doesNotContain("href=\"" + chatPath + "\"");
    }

    /** The unread badge of a chat in the person's list, or null when there is none. */
    private static String unreadOf(WebHttp web, String chatPath) {
        var line = Jsoup.parse(web.get("/chats").body()).selectFirst("a.lk-chat-link[href=" + chatPath + "]");
        assertThat(line).as("listed: " + chatPath).isNotNull();
        var badge = line.selectFirst(".lk-unread");
        return badge == null ? null : badge.text();
    }

    private static String startWith(WebHttp web, String userId) {
        HttpResponse<String> started = web.post("/chats/people/" + userId, Map.of("_csrf", csrf(web)));
        assertThat(started.statusCode()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/chats/oc_");
        return location.substring(location.indexOf("/chats/"));
    }

    private static WebHttp signedIn(String name) {
        var web = new WebHttp(server);
        var reply = web.signIn(name + "@demo.larkspur.dev", demo.getProperty("web_password"));
        assertThat(reply.statusCode()).isEqualTo(302);
        return web;
    }

    private static String csrf(WebHttp web) {
        return WebHttp.csrfIn(web.get("/chats").body());
    }
}
