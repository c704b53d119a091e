package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.cardcallback.P2CardActionTriggerHandler;
import com.lark.oapi.event.cardcallback.model.CallBackCard;
import com.lark.oapi.event.cardcallback.model.CallBackToast;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerResponse;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Card clicks at the HTTP level: who may click which message, the CSRF check, and the error the
 * person sees when the bot cannot be reached.
 */
class CardClickPagesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INJECTED = "<img src=x onerror=alert(1)>";
    private static final Map<String, String> SCRIPT = Map.of("X-Larkspur-Card", "1");
    private static TestServer server;
    private static Properties demo;

    @BeforeAll
    static void start() {
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
    void onlyAMemberMayClickABotsCardAndAnOfflineBotIsAnErrorToast() {
        var dave = signedIn("dave");
        String chatPath = startBotChat(dave);
        String chatId = chatPath.substring("/chats/".length());
        String card = botSends(chatId, "interactive", card());
        String text = botSends(chatId, "text", "{\"text\":\"just text\"}");

        var page = Jsoup.parse(dave.get(chatPath).body());
        var form = page.selectFirst("#lk-m-" + card + " form.lk-card-form");
        assertThat(form).isNotNull();
        assertThat(form.attr("action")).isEqualTo(chatPath + "/messages/" + card + "/card_actions");
        assertThat(form.selectFirst("input[name=value]").attr("value")).isEqualTo("{\"item\":\"<b>42</b>\"}");

        // The demo bot has no live connection: Feishu's 200340 as an error toast.
        var offline = dave.post(form.attr("action"), click(dave), SCRIPT);
        assertThat(offline.statusCode()).isEqualTo(400);
        var toast = Jsoup.parse(offline.body()).selectFirst(".lk-card-answer .lk-toast-error");
        assertThat(toast).isNotNull();
        assertThat(toast.text()).contains("200340");

        var erin = signedIn("erin");
        assertThat(erin.post(form.attr("action"), click(erin)).statusCode()).isEqualTo(404);
        assertThat(erin.post(form.attr("action"), click(erin), SCRIPT).statusCode())
                .isEqualTo(404);
        assertThat(dave.post(chatPath + "/messages/" + text + "/card_actions", click(dave), SCRIPT)
                        .statusCode())
                .isEqualTo(404);
        assertThat(dave.post(chatPath + "/messages/om_nothing/card_actions", click(dave), SCRIPT)
                        .statusCode())
                .isEqualTo(404);
        String erinsChat = startBotChat(erin);
        assertThat(dave.post(erinsChat + "/messages/" + card + "/card_actions", click(dave), SCRIPT)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aBotOnItsCallbackUrlAnswersWithAToastAndACardForEveryoneAndASlowOneIsATimeout() throws Exception {
        var dispatcher = EventDispatcher.newBuilder("vt-pages", "")
                .onP2CardActionTrigger(new P2CardActionTriggerHandler() {
                    @Override
                    public P2CardActionTriggerResponse handle(P2CardActionTrigger event) {
                        var toast = new CallBackToast();
                        toast.setType("success");
                        toast.setContent("Saved " + INJECTED);
                        var card = new CallBackCard();
                        card.setType("raw");
                        card.setData(Map.of(
                                "config", Map.of("update_multi", true),
                                "header", Map.of("title", Map.of("tag", "plain_text", "content", "Shipped"))));
                        var response = new P2CardActionTriggerResponse();
                        response.setToast(toast);
                        response.setCard(card);
                        return response;
                    }
                })
                .build();
        String appId = demo.getProperty("app_id");
        try (var receiver = new EventReceiver(dispatcher)) {
            Admin.ok(server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/apps/" + appId + "/event_settings",
                            Map.of(
                                    "mode",
                                    "callback",
                                    "verification_token",
                                    "vt-pages",
                                    "request_url",
                                    receiver.url())));
            var bob = signedIn("bob");
            String chatPath = startBotChat(bob);
            String card = botSends(chatPath.substring("/chats/".length()), "interactive", card());
            String clickPath = chatPath + "/messages/" + card + "/card_actions";

            var answered = bob.post(clickPath, click(bob), SCRIPT);

            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).doesNotContain(INJECTED);
            var answer = Jsoup.parse(answered.body());
            assertThat(answer.selectFirst(".lk-toast-success").text()).isEqualTo("Saved " + INJECTED);
            assertThat(answer.selectFirst(".lk-card-answer-card .lk-card-title").text())
                    .isEqualTo("Shipped");
            assertThat(Jsoup.parse(bob.get(chatPath).body())
                            .selectFirst("#lk-m-" + card + " .lk-card-title")
                            .text())
                    .isEqualTo("Shipped");

            receiver.answerAfter(Duration.ofSeconds(4));
            var slow = bob.post(clickPath, click(bob), SCRIPT);
            assertThat(slow.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(slow.body()).selectFirst(".lk-toast-error").text())
                    .contains("200341");
        } finally {
            Admin.ok(server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/apps/" + appId + "/event_settings",
                            Map.of("mode", "websocket", "verification_token", "vt-pages")));
        }
    }

    @Test
    void aBotAnsweringWithAWholeCardAsTheOldCallbackDidReplacesTheCardInPlace() throws Exception {
        var dispatcher = EventDispatcher.newBuilder("vt-old", "")
                .onP2CardActionTrigger(new P2CardActionTriggerHandler() {
                    @Override
                    public P2CardActionTriggerResponse handle(P2CardActionTrigger event) {
                        return new P2CardActionTriggerResponse();
                    }
                })
                .build();
        String appId = demo.getProperty("app_id");
        try (var receiver = new EventReceiver(dispatcher)) {
            Admin.ok(server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/apps/" + appId + "/event_settings",
                            Map.of("mode", "callback", "verification_token", "vt-old", "request_url", receiver.url())));
            var erin = signedIn("erin");
            String chatPath = startBotChat(erin);
            String card = botSends(chatPath.substring("/chats/".length()), "interactive", card());
            String clickPath = chatPath + "/messages/" + card + "/card_actions";
            // The body is the new card itself, with no {toast, card} around it (spec/protocols.md §3.9).
            receiver.answerWith(JSON.writeValueAsString(Map.of(
                    "header", Map.of("title", Map.of("tag", "plain_text", "content", "Approved")),
                    "elements", List.of(Map.of("tag", "markdown", "content", "by **Erin**")))));

            var answered = erin.post(clickPath, click(erin), SCRIPT);

            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            var answer = Jsoup.parse(answered.body());
            assertThat(answer.selectFirst(".lk-card-answer-card .lk-card-title").text())
                    .isEqualTo("Approved");
            assertThat(answer.selectFirst(".lk-toast")).isNull();
            var shown = Jsoup.parse(erin.get(chatPath).body()).selectFirst("#lk-m-" + card);
            assertThat(shown.selectFirst(".lk-card-title").text()).isEqualTo("Approved");
            assertThat(shown.selectFirst(".lk-md").text()).isEqualTo("by Erin");

            // {} keeps the card as it is.
            receiver.answerWith("{}");
            assertThat(erin.post(clickPath, click(erin), SCRIPT).statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(erin.get(chatPath).body())
                            .selectFirst("#lk-m-" + card + " .lk-card-title")
                            .text())
                    .isEqualTo("Approved");
        } finally {
            Admin.ok(server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/apps/" + appId + "/event_settings",
                            Map.of("mode", "websocket", "verification_token", "vt-pages")));
        }
    }

    @Test
    void aClickWithoutTheCsrfTokenIsRefused() {
        var carol = signedIn("carol");
        String chatPath = startBotChat(carol);
        String card = botSends(chatPath.substring("/chats/".length()), "interactive", card());
        var fields = new LinkedHashMap<>(click(carol));
        fields.remove("_csrf");

        HttpResponse<String> refused = carol.post(chatPath + "/messages/" + card + "/card_actions", fields, SCRIPT);

        assertThat(refused.statusCode()).isEqualTo(403);
        fields.put("_csrf", "not-the-token");
        assertThat(carol.post(chatPath + "/messages/" + card + "/card_actions", fields, SCRIPT)
                        .statusCode())
                .isEqualTo(403);
    }

    private static String card() {
        return JSON.writeValueAsString(Map.of(
                "config", Map.of("update_multi", true),
                "header", Map.of("title", Map.of("tag", "plain_text", "content", "Order")),
                "elements",
                        List.of(Map.of(
                                "tag",
                                "action",
                                "actions",
                                List.of(Map.of(
                                        "tag", "button",
                                        "text", Map.of("tag", "plain_text", "content", "Approve"),
                                        "value", Map.of("item", "<b>42</b>")))))));
    }

    private static Map<String, String> click(WebHttp web) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", csrf(web));
        fields.put("tag", "button");
        fields.put("value", "{\"item\":\"<b>42</b>\"}");
        return fields;
    }

    private static String botSends(String chatId, String msgType, String content) {
        var http = server.http();
        String token = http.tenantToken(demo.getProperty("app_id"), demo.getProperty("app_secret"));
        var reply = http.post(
                "/open-apis/im/v1/messages?receive_id_type=chat_id",
                token,
                JSON.writeValueAsString(Map.of("receive_id", chatId, "msg_type", msgType, "content", content)));
        assertThat(reply.code()).as(reply.body().toString()).isZero();
        return reply.body().path("data").path("message_id").asString();
    }

    private static WebHttp signedIn(String name) {
        var web = new WebHttp(server);
        assertThat(web.signIn(name + "@demo.larkspur.dev", demo.getProperty("web_password"))
                        .statusCode())
                .isEqualTo(302);
        return web;
    }

    private static String startBotChat(WebHttp web) {
        var started = web.post("/chats/bots/" + demo.getProperty("app_id"), Map.of("_csrf", csrf(web)));
        assertThat(started.statusCode()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("/chats/"));
    }

    private static String csrf(WebHttp web) {
        return WebHttp.csrfIn(web.get("/chats").body());
    }
}
