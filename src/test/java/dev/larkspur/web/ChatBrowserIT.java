package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Alice writes to the demo bot in real Chromium; the bot, an official Java SDK client on the long
 * connection, receives what she wrote as im.message.receive_v1, and markup shows as text.
 */
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
        try (var browser = Browser.open(server, Browser.DESKTOP)) {
            browser.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            browser.find("#lk-bot-" + appId).click();
            browser.waitFor(ExpectedConditions.urlMatches("/chats/oc_"));
            String chatPath = browser.path();

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
            assertThat(browser.find(".lk-chat-name").getText()).isEqualTo("Demo Bot");
            browser.screenshot("chat-list-desktop");
        }
        try (var phone = Browser.open(server, Browser.PHONE)) {
            phone.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            phone.find(".lk-chat-link").click();
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

    private static void awaitMine(Browser browser, int count) {
        browser.waitFor(d -> d.findElements(By.cssSelector(".lk-message-mine")).size() == count);
    }
}
