package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A message's actions and what the timeline shows of them, at the HTTP level (as htmx posts them):
 * edit, recall, reactions, pins, replies with their quote, threads and read counts, in a group of
 * alice and carol that bob is not in.
 */
class MessageActionsPagesIT {
    private static final Map<String, String> HTMX = Map.of("HX-Request", "true");
    private static TestServer server;
    private static Properties demo;
    private static String chatPath;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        demo = server.demoCredentials();
        var sdk = Client.newBuilder(demo.getProperty("app_id"), demo.getProperty("app_secret"))
                .openBaseUrl(server.baseUrl())
                .build();
        var created = sdk.im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .userIdType("user_id")
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name("Actions team")
                                .userIdList(new String[] {"alice", "carol"})
                                .build())
                        .build());
        assertThat(created.getCode()).as(created.getMsg()).isZero();
        chatPath = "/chats/" + created.getData().getChatId();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPersonEditsAndRecallsTheirOwnMessageButNotAnothersAndSeesWhoReadIt() {
        var alice = signedIn("alice");
        var carol = signedIn("carol");
        var mine = send(alice, Map.of("text", "first draft"));
        var hers = send(carol, Map.of("text", "carol's note"));
        assertThat(mine.selectFirst("[data-action=edit]")).isNotNull();
        assertThat(mine.selectFirst(".lk-read").text()).isEqualTo("Unread");

        var edited = fragment(post(alice, mine, "/edit", Map.of("text", "final <words>")));
        assertThat(edited.selectFirst(".lk-bubble").text()).isEqualTo("final <words>");
        assertThat(edited.selectFirst(".lk-edited").text()).isEqualTo("(edited)");
        var editForm = Jsoup.parse(alice.get(path(mine) + "/edit").body());
        assertThat(editForm.selectFirst("textarea.lk-edit-text")).isNull();

        var aliceSeesHers = message(alice.get(chatPath).body(), hers);
        assertThat(aliceSeesHers.selectFirst("[data-action=edit]")).isNull();
        assertThat(aliceSeesHers.selectFirst("[data-action=recall]")).isNull();
        var refused = post(alice, hers, "/edit", Map.of("text", "taken over"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).text()).isEqualTo("You can only edit your own messages.");
        var notRecalled = post(alice, hers, "/recall", Map.of());
        assertThat(notRecalled.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(notRecalled.body()).text()).isEqualTo("You cannot recall this message.");
        assertThat(carol.get(chatPath).body()).contains("carol&#39;s note").doesNotContain("taken over");

        // carol opened the chat: alice's message has been read by one.
        assertThat(message(alice.get(chatPath).body(), mine)
                        .selectFirst(".lk-read")
                        .text())
                .isEqualTo("Read by 1");

        var recalled = fragment(post(alice, mine, "/recall", Map.of()));
        assertThat(recalled.selectFirst(".lk-bubble").text()).isEqualTo("This message was recalled");
        assertThat(recalled.selectFirst(".lk-actions")).isNull();
        assertThat(recalled.selectFirst(".lk-read")).isNull();
        assertThat(carol.get(chatPath).body()).doesNotContain("final &lt;words&gt;");
    }

    @Test
    void reactionsShowAsCountedChipsThatTakeMyReactionBackAndPinsShow() {
        var alice = signedIn("alice");
        var carol = signedIn("carol");
        var note = send(carol, Map.of("text", "ship it?"));

        var once = fragment(post(alice, note, "/reactions", Map.of("emoji_type", "THUMBSUP")));
        assertThat(chip(once, "THUMBSUP").text()).isEqualTo("👍 1");
        assertThat(chip(once, "THUMBSUP").attr("aria-pressed")).isEqualTo("true");
        var twice = fragment(post(carol, note, "/reactions", Map.of("emoji_type", "THUMBSUP")));
        assertThat(chip(twice, "THUMBSUP").text()).isEqualTo("👍 2");
        fragment(post(carol, note, "/reactions", Map.of("emoji_type", "OKR")));

        var page = message(alice.get(chatPath).body(), note);
        assertThat(page.select(".lk-chip").eachText()).containsExactly("👍 2", "OKR 1");
        String mine = chip(page, "THUMBSUP")
                .parent()
                .selectFirst("[name=reaction_id]")
                .val();
        var back = fragment(post(alice, note, "/reactions", ordered("emoji_type", "THUMBSUP", "reaction_id", mine)));
        assertThat(chip(back, "THUMBSUP").text()).isEqualTo("👍 1");
        assertThat(chip(back, "THUMBSUP").attr("aria-pressed")).isEqualTo("false");
        var unknown = post(alice, note, "/reactions", Map.of("emoji_type", "NOT_AN_EMOJI"));
        assertThat(unknown.statusCode()).isEqualTo(400);

        var pinned = fragment(post(alice, note, "/pin", Map.of("pinned", "true")));
        assertThat(pinned.selectFirst(".lk-pinned").text()).contains("Pinned");
        assertThat(pinned.selectFirst("[data-action=pin]").text()).isEqualTo("Unpin");
        assertThat(message(carol.get(chatPath).body(), note).selectFirst(".lk-pinned"))
                .isNotNull();
        var unpinned = fragment(post(carol, note, "/pin", Map.of("pinned", "false")));
        assertThat(unpinned.selectFirst(".lk-pinned")).isNull();
    }

    @Test
    void aReplyQuotesItsMessageAndAThreadOpensWithItsReplies() {
        var alice = signedIn("alice");
        var carol = signedIn("carol");
        var question = send(carol, Map.of("text", "who takes the release?"));
        var reply = send(alice, ordered("text", "I will", "parent_id", id(question)));
        assertThat(reply.selectFirst(".lk-quote").text()).isEqualTo("Carol Wang who takes the release?");

        var topic = send(carol, Map.of("text", "release notes"));
        var first = post(
                alice,
                chatPath + "/messages",
                ordered("text", "draft is up", "parent_id", id(topic), "reply_in_thread", "true"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("HX-Retarget")).contains("#lk-m-" + id(topic));
        var root = fragment(first);
        assertThat(root.id()).isEqualTo("lk-m-" + id(topic));
        var link = root.selectFirst(".lk-thread-link");
        assertThat(link.text()).isEqualTo("1 reply");
        assertThat(alice.get(chatPath).body()).doesNotContain("draft is up");

        var thread = Jsoup.parse(carol.get(link.attr("href")).body());
        assertThat(thread.select("#lk-timeline .lk-message .lk-bubble").eachText())
                .containsExactly("release notes", "draft is up");
        var inThread = fragment(post(carol, link.attr("href") + "/messages", Map.of("text", "thanks")));
        assertThat(inThread.selectFirst(".lk-bubble").text()).isEqualTo("thanks");
        assertThat(message(alice.get(chatPath).body(), topic)
                        .selectFirst(".lk-thread-link")
                        .text())
                .isEqualTo("2 replies");

        var bob = signedIn("bob");
        assertThat(bob.get(chatPath).statusCode()).isEqualTo(404);
        assertThat(bob.get(link.attr("href")).statusCode()).isEqualTo(404);
        assertThat(post(bob, topic, "/reactions", Map.of("emoji_type", "SMILE")).statusCode())
                .isEqualTo(404);
        assertThat(post(bob, link.attr("href") + "/messages", Map.of("text", "hi"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(alice.get("/chats/oc_nope/threads/omt_nope").statusCode()).isEqualTo(404);
    }

    private static Element send(WebHttp web, Map<String, String> fields) {
        return fragment(post(web, chatPath + "/messages", fields));
    }

    private static HttpResponse<String> post(WebHttp web, Element message, String action, Map<String, String> fields) {
        return post(web, path(message) + action, fields);
    }

    private static HttpResponse<String> post(WebHttp web, String path, Map<String, String> fields) {
        var form = new LinkedHashMap<String, String>();
        form.put("_csrf", WebHttp.csrfIn(web.get("/chats").body()));
        form.putAll(fields);
        return web.post(path, form, HTMX);
    }

    private static Element fragment(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Jsoup.parseBodyFragment(response.body()).selectFirst(".lk-message");
    }

    private static Element message(String page, Element message) {
        return Jsoup.parse(page).getElementById(message.id());
    }

    private static Element chip(Element message, String emojiType) {
        return message.selectFirst(".lk-chip[data-emoji=" + emojiType + "]");
    }

    private static String id(Element message) {
        return message.attr("data-message-id");
    }

    private static String path(Element message) {
        return message.attr("data-actions");
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static WebHttp signedIn(String name) {
        var web = new WebHttp(server);
        assertThat(web.signIn(name + "@demo.larkspur.dev", demo.getProperty("web_password"))
                        .statusCode())
                .isEqualTo(302);
        return web;
    }
}
