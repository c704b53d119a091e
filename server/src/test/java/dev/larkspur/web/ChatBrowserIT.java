package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.Client;
import com.lark.oapi.ws.ClientStopper;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Browser;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Alice writes to the demo bot in real Chromium; the bot, an official Java SDK client on the long
 * connection, receives what she wrote as im.message.receive_v1, and markup shows as text.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatBrowserIT {
    private static final List<P2MessageReceiveV1> received = new CopyOnWriteArrayList<>();
    private static TestServer server;
    private static Properties demo;
    private static Client bot;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of(
                "larkspur.events.retry-factor", "0.001",
                "larkspur.events.poll-millis", "50",
                "larkspur.long-connection.ping-interval", "2",
                "larkspur.long-connection.reconnect-interval", "1",
                "larkspur.long-connection.reconnect-nonce", "1"));
        demo = server.demoCredentials();
        String appId = demo.getProperty("app_id");
        Admin.ok(server.admin()
                .call(
                        "PUT",
                        "/admin/v1/apps/" + appId + "/event_settings",
                        Map.of("mode", "websocket", "verification_token", "vt-demo")));
        var dispatcher = EventDispatcher.newBuilder("", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        received.add(event);
                    }
                })
                .build();
        bot = new Client.Builder(appId, demo.getProperty("app_secret"))
                .domain(server.baseUrl())
                .eventHandler(dispatcher)
                .build();
        bot.start();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + appId + "/connections", null))
                                .path("items")
                                .size()
                        == 1);
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            ClientStopper.stop(bot);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aliceWritesToTheDemoBotWhichReceivesItAndMarkupShowsAsText() {
        String appId = demo.getProperty("app_id");
        String chatPath;
        try (var browser = Browser.open(server, Browser.DESKTOP)) {
            browser.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            browser.find("#lk-bot-" + appId).click();
            browser.waitFor(ExpectedConditions.urlMatches("/chats/oc_"));
            chatPath = browser.path();

            browser.find("#lk-composer-text").sendKeys("hello bot", Keys.ENTER);
            awaitMine(browser, 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                    .anyMatch(e -> e.getEvent().getMessage().getContent().equals("{\"text\":\"hello bot\"}")));
            var event = received.stream()
                    .filter(e -> e.getEvent().getMessage().getContent().contains("hello bot"))
                    .findFirst()
                    .orElseThrow();
            assertThat(event.getHeader().getEventType()).isEqualTo("im.message.receive_v1");
            assertThat(event.getEvent().getSender().getSenderType()).isEqualTo("user");
            assertThat(event.getEvent().getMessage().getChatType()).isEqualTo("p2p");

            var text = browser.find("#lk-composer-text");
            text.sendKeys("line one", Keys.chord(Keys.SHIFT, Keys.ENTER), "line two", Keys.ENTER);
            awaitMine(browser, 2);
            browser.find("#lk-composer-text").sendKeys("<script>alert(1)</script>", Keys.ENTER);
            awaitMine(browser, 3);

            var mine = browser.driver().findElements(By.cssSelector(".lk-message-mine .lk-bubble"));
            assertThat(mine.get(1).getText()).isEqualTo("line one\nline two");
            assertThat(mine.get(2).getText()).isEqualTo("<script>alert(1)</script>");
            assertThat(browser.driver().findElements(By.cssSelector("#lk-timeline script")))
                    .isEmpty();
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            browser.screenshot("chat-bot-desktop");

            browser.go(chatPath);
            var again = browser.driver().findElements(By.cssSelector(".lk-message-mine .lk-bubble"));
            assertThat(again).hasSize(3);
            assertThat(again.get(2).getText()).isEqualTo("<script>alert(1)</script>");

            browser.go("/chats");
            assertThat(browser.find(".lk-chat-link[href='" + chatPath + "'] .lk-chat-name")
                            .getText())
                    .isEqualTo("Demo Bot");
            browser.screenshot("chat-list-desktop");
        }
        try (var phone = Browser.open(server, Browser.PHONE)) {
            phone.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            phone.find(".lk-chat-link[href='" + chatPath + "']").click();
            phone.find(".lk-message-mine");
            phone.screenshot("chat-bot-phone");
        }
    }

    @Test
    void bobCannotOpenAlicesChatByItsUrl() {
        String appId = demo.getProperty("app_id");
        String chatId;
        try (var alice = Browser.open(server, Browser.DESKTOP)) {
            alice.signIn("carol@demo.larkspur.dev", demo.getProperty("web_password"));
            alice.find("#lk-bot-" + appId).click();
            alice.waitFor(ExpectedConditions.urlMatches("/chats/oc_"));
            chatId = alice.path();
        }
        try (var bob = Browser.open(server, Browser.PHONE)) {
            bob.signIn("bob@demo.larkspur.dev", demo.getProperty("web_password"));
            bob.find(".lk-me-name");
            bob.go(chatId);
            assertThat(bob.find("#lk-not-found").getText()).contains("not in it");
            bob.screenshot("chat-not-found-phone");
        }
    }

    /**
     * The README's two pictures at 1280x800 (docs/screenshots, copied from target/screenshots):
     * alice's list with unread counts, and her chat with the demo bot answering with a card.
     */
    // Last: it adds to alice's chat with the bot, whose messages the first test counts.
    @Test
    @Order(Integer.MAX_VALUE)
    void readmeScreenshotsOfTheListAndABotsCard() {
        String appId = demo.getProperty("app_id");
        var sdk = com.lark.oapi.Client.newBuilder(appId, demo.getProperty("app_secret"))
                .openBaseUrl(server.baseUrl())
                .build();
        String design = group(sdk, "Design review");
        group(sdk, "Release train");
        var asBob = RequestOptions.newBuilder()
                .userAccessToken(server.admin().userToken(appId, "bob"))
                .build();
        send(sdk, "chat_id", design, "text", "{\"text\":\"New mock-ups are up, comments welcome\"}", asBob);
        send(sdk, "chat_id", design, "text", "{\"text\":\"Review at 3 pm?\"}", asBob);
        send(sdk, "user_id", "alice", "text", "{\"text\":\"Are you joining the demo?\"}", asBob);

        try (var browser = Browser.open(server, Browser.DESKTOP)) {
            browser.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            browser.find("#lk-bot-" + appId).click();
            browser.waitFor(ExpectedConditions.urlMatches("/chats/oc_"));
            String chatId = browser.path().substring("/chats/".length());
            int before = browser.driver()
                    .findElements(By.cssSelector(".lk-message-mine"))
                    .size();
            browser.find("#lk-composer-text").sendKeys("How did last night's deploy go?", Keys.ENTER);
            // Posted before the bot answers, so the card comes after the question.
            browser.waitFor(
                    d -> d.findElements(By.cssSelector(".lk-message-mine")).size() == before + 1);
            send(sdk, "chat_id", chatId, "interactive", CARD, null);
            browser.go("/chats/" + chatId);
            // Read in one script: a live redraw may replace the card between WebDriver calls.
            browser.waitFor(d -> String.valueOf(((JavascriptExecutor) d)
                            .executeScript("return Array.from(document.querySelectorAll('.lk-card'))"
                                    + ".map(e => e.innerText).join(' ')"))
                    .contains("Deploy finished"));
            browser.screenshot("readme-bot-card");

            browser.go("/chats");
            var badge = browser.find(".lk-chat-link[href='/chats/" + design + "'] .lk-unread");
            assertThat(badge.getText()).isEqualTo("2");
            browser.screenshot("readme-chat-list");
        }
    }

    private static final String CARD =
            """
            {"config":{"wide_screen_mode":true},
             "header":{"template":"green","title":{"tag":"plain_text","content":"Deploy finished"}},
             "elements":[
              {"tag":"div","text":{"tag":"lark_md","content":"**larkspur-web** 1.4.2 is live on *production*.\\nAll 212 checks passed in 6 min 12 s."}},
              {"tag":"div","fields":[
                {"is_short":true,"text":{"tag":"lark_md","content":"**Started by**\\nAlice Chen"}},
                {"is_short":true,"text":{"tag":"lark_md","content":"**Region**\\neu-west"}}]},
              {"tag":"hr"},
              {"tag":"action","actions":[
                {"tag":"button","text":{"tag":"plain_text","content":"View release notes"},"type":"primary","url":"https://example.com/releases/1.4.2"},
                {"tag":"button","text":{"tag":"plain_text","content":"Roll back"},"type":"danger","value":{"action":"rollback"}}]}]}
            """;

    private static String group(com.lark.oapi.Client sdk, String name) {
        try {
            var created = sdk.im()
                    .chat()
                    .create(CreateChatReq.newBuilder()
                            .userIdType("user_id")
                            .createChatReqBody(CreateChatReqBody.newBuilder()
                                    .name(name)
                                    .userIdList(new String[] {"alice", "bob"})
                                    .build())
                            .build());
            assertThat(created.getCode()).as(created.getMsg()).isZero();
            return created.getData().getChatId();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void send(
            com.lark.oapi.Client sdk, String idType, String to, String type, String content, RequestOptions as) {
        try {
            var req = CreateMessageReq.newBuilder()
                    .receiveIdType(idType)
                    .createMessageReqBody(CreateMessageReqBody.newBuilder()
                            .receiveId(to)
                            .msgType(type)
                            .content(content)
                            .build())
                    .build();
            var sent = as == null
                    ? sdk.im().message().create(req)
                    : sdk.im().message().create(req, as);
            assertThat(sent.getCode()).as(sent.getMsg()).isZero();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitMine(Browser browser, int count) {
        browser.waitFor(d -> d.findElements(By.cssSelector(".lk-message-mine")).size() == count);
    }
}
