package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replies and edits at the HTTP level, as htmx posts them: an edit keeps the message's @mentions,
 * an upload can be a reply (in a thread too), and a long thread opens on its latest replies with
 * earlier ones a page at a time.
 */
class RepliesPagesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Replies a thread's page shows (ThreadPageController.PAGE). */
    private static final int THREAD_PAGE = 30;

    private static TestServer server;
    private static Properties demo;
    private static String room;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        demo = server.demoCredentials();
        var sdk = Client.newBuilder(demo.getProperty("app_id"), demo.getProperty("app_secret"))
                .openBaseUrl(server.baseUrl())
                .build();
        try {
            var created = sdk.im()
                    .chat()
                    .create(CreateChatReq.newBuilder()
                            .userIdType("user_id")
                            .createChatReqBody(CreateChatReqBody.newBuilder()
                                    .name("Replies room")
                                    .userIdList(new String[] {"alice", "bob"})
                                    .build())
                            .build());
            assertThat(created.getCode()).as(created.getMsg()).isZero();
            room = created.getData().getChatId();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void editingAMessageKeepsItsMentions() {
        var alice = signedIn("alice");
        var picker = Jsoup.parse(alice.get("/chats/" + room + "/mentions").body());
        String bobId =
                picker.selectFirst(".lk-mention-option[data-name='Bob Li']").attr("data-id");
        var sent = message(alice.post(
                "/chats/" + room + "/messages",
                List.of(
                        Map.entry("text", "@Bob Li and @all: review?"),
                        Map.entry("mention", bobId + "|Bob Li"),
                        Map.entry("mention", "all|all")),
                htmx(alice)));
        assertThat(sent.select(".lk-at").eachText()).contains("@Bob Li");
        String actions = sent.attr("data-actions");

        var form = Jsoup.parse(
                alice.get(actions + "/edit", Map.of("HX-Request", "true")).body());
        assertThat(form.selectFirst("textarea.lk-edit-text").text()).isEqualTo("@Bob Li and @all: review?");
        var picks = form.select("form.lk-edit input[name=mention]").eachAttr("value");
        assertThat(picks).containsExactlyInAnyOrder(bobId + "|Bob Li", "all|all");

        var fields = new ArrayList<Map.Entry<String, String>>();
        fields.add(Map.entry("text", "@Bob Li and @all: review today?"));
        picks.forEach(p -> fields.add(Map.entry("mention", p)));
        var edited = message(alice.post(actions + "/edit", fields, htmx(alice)));

        assertThat(edited.selectFirst(".lk-bubble").text()).isEqualTo("@Bob Li and @All: review today?");
        assertThat(edited.select(".lk-at").eachText()).contains("@Bob Li");
        assertThat(edited.select(".lk-at-all")).hasSize(1);
        assertThat(edited.selectFirst(".lk-edited")).isNotNull();
        // As the Open API reads it: the mention is a mention still, not the words "@Bob Li".
        String content = openApiContent(edited.attr("data-message-id"));
        assertThat(content).contains("@_user_1").contains("@_all").doesNotContain("@Bob Li");
    }

    @Test
    void anUploadCanBeAReplyAndAReplyInAThread() throws Exception {
        var alice = signedIn("alice");
        var bob = signedIn("bob");
        var question = message(bob.post("/chats/" + room + "/messages", Map.of("text", "which logo?"), htmx(bob)));
        String questionId = question.attr("data-message-id");

        var reply = alice.postFile(
                "/chats/" + room + "/uploads?parent_id=" + questionId, "logo.png", "image/png", png(), htmx(alice));
        var replied = message(reply);
        assertThat(replied.selectFirst(".lk-quote").text()).isEqualTo("Bob Li which logo?");
        assertThat(replied.selectFirst(".lk-content-image img")).isNotNull();

        var inThread = alice.postFile(
                "/chats/" + room + "/uploads?parent_id=" + questionId + "&reply_in_thread=true",
                "logo.png",
                "image/png",
                png(),
                htmx(alice));
        assertThat(inThread.headers().firstValue("HX-Retarget")).hasValue("#lk-m-" + questionId);
        var root = message(inThread);
        assertThat(root.id()).isEqualTo("lk-m-" + questionId);
        String threadPath = root.selectFirst(".lk-thread-link").attr("href");
        var thread = Jsoup.parse(bob.get(threadPath).body());
        assertThat(thread.select("#lk-timeline .lk-message")).hasSize(2);
        assertThat(thread.select("#lk-timeline .lk-message").get(1).selectFirst(".lk-content-image img"))
                .isNotNull();
    }

    @Test
    void aLongThreadOpensOnItsLatestRepliesAndLoadsEarlierOnesByKey() {
        var bob = signedIn("bob");
        var topic = message(bob.post("/chats/" + room + "/messages", Map.of("text", "long topic"), htmx(bob)));
        String token = server.http().tenantToken(demo.getProperty("app_id"), demo.getProperty("app_secret"));
        int replies = THREAD_PAGE + 5;
        for (int i = 1; i <= replies; i++) {
            var r = server.http()
                    .post(
                            "/open-apis/im/v1/messages/" + topic.attr("data-message-id") + "/reply",
                            token,
                            JSON.writeValueAsString(Map.of(
                                    "msg_type",
                                    "text",
                                    "content",
                                    JSON.writeValueAsString(Map.of("text", "reply " + i)),
                                    "reply_in_thread",
                                    true)));
            assertThat(r.code()).as(r.body().toString()).isZero();
        }
        String threadPath = Jsoup.parse(bob.get("/chats/" + room).body())
                .selectFirst("#" + topic.id() + " .lk-thread-link")
                .attr("href");

        var page = Jsoup.parse(bob.get(threadPath).body());
        var shown = page.select("#lk-timeline .lk-message .lk-bubble").eachText();
        assertThat(shown).hasSize(1 + THREAD_PAGE);
        assertThat(shown.get(0)).isEqualTo("long topic");
        assertThat(shown.get(1)).isEqualTo("reply 6");
        assertThat(shown.get(shown.size() - 1)).isEqualTo("reply " + replies);
        var earlier = page.selectFirst("#lk-older");
        assertThat(earlier.text()).isEqualTo("Load earlier replies");
        assertThat(earlier.parent().previousElementSibling().id()).isEqualTo(topic.id());

        var older = Jsoup.parseBodyFragment(
                bob.get(earlier.attr("href"), Map.of("HX-Request", "true")).body());
        assertThat(older.select(".lk-message .lk-bubble").eachText())
                .containsExactly("reply 1", "reply 2", "reply 3", "reply 4", "reply 5");
        assertThat(older.selectFirst("#lk-older")).isNull();
        assertThat(page.body().attr("data-live-after")).isNotBlank();
        assertThat(page.selectFirst("#lk-timeline").attr("data-chat-id")).isEqualTo(room);
    }

    @Test
    void aReplyInAThreadIsStreamedForItsThreadAndItsRootAnew() throws Exception {
        var bob = signedIn("bob");
        var topic = message(bob.post("/chats/" + room + "/messages", Map.of("text", "streamed topic"), htmx(bob)));
        String topicId = topic.attr("data-message-id");
        var stream = bob.openStream("/events");
        assertThat(stream.statusCode()).isEqualTo(200);
        var lines = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var reader = new Thread(() -> stream.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();

        String token = server.http().tenantToken(demo.getProperty("app_id"), demo.getProperty("app_secret"));
        var r = server.http()
                .post(
                        "/open-apis/im/v1/messages/" + topicId + "/reply",
                        token,
                        JSON.writeValueAsString(Map.of(
                                "msg_type",
                                "text",
                                "content",
                                JSON.writeValueAsString(Map.of("text", "streamed reply")),
                                "reply_in_thread",
                                true)));
        assertThat(r.code()).isZero();
        String threadId = r.body().path("data").path("thread_id").asString();

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> List.copyOf(lines).stream().anyMatch(l -> l.contains("streamed reply")));
        var data = List.copyOf(lines).stream()
                .filter(l -> l.startsWith("data:") && l.contains("streamed reply"))
                .findFirst()
                .orElseThrow();
        var event = JSON.readTree(data.substring("data:".length()));
        assertThat(event.path("thread_id").asString()).isEqualTo(threadId);
        assertThat(lines.get(lines.indexOf(data) - 1)).isEqualTo("event:message");
        assertThat(List.copyOf(lines))
                .anyMatch(l -> l.startsWith("data:") && l.contains("\"message_id\":\"" + topicId + "\""));
    }

    private String openApiContent(String messageId) {
        String token = server.http().tenantToken(demo.getProperty("app_id"), demo.getProperty("app_secret"));
        var got = server.http().get("/open-apis/im/v1/messages/" + messageId, token);
        assertThat(got.code()).isZero();
        return got.body()
                .path("data")
                .path("items")
                .path(0)
                .path("body")
                .path("content")
                .asString();
    }

    private static Element message(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Jsoup.parseBodyFragment(response.body()).selectFirst(".lk-message");
    }

    private static Map<String, String> htmx(WebHttp web) {
        return Map.of("X-CSRF-Token", WebHttp.csrfIn(web.get("/chats").body()), "HX-Request", "true");
    }

    private static byte[] png() throws Exception {
        var image = new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff7733);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static WebHttp signedIn(String name) {
        var web = new WebHttp(server);
        assertThat(web.signIn(name + "@demo.larkspur.dev", demo.getProperty("web_password"))
                        .statusCode())
                .isEqualTo(302);
        return web;
    }
}
