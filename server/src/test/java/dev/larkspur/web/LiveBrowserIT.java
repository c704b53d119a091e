package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import dev.larkspur.support.Browser;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Live updates over Server-Sent Events: alice and bob have their group open in two real Chromium
 * sessions; what alice writes shows on bob's page without a reload, and what the bot sends through
 * the official Java SDK shows on alice's.
 */
class LiveBrowserIT {
    private static final Duration LIVE = Duration.ofSeconds(10);
    private static TestServer server;
    private static Properties demo;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of());
        demo = server.demoCredentials();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aMessageShowsInTheOtherMembersOpenPageWithoutAReload() throws Exception {
        var sdk = Client.newBuilder(demo.getProperty("app_id"), demo.getProperty("app_secret"))
                .openBaseUrl(server.baseUrl())
                .build();
        var created = sdk.im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .userIdType("user_id")
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name("Live team")
                                .userIdList(new String[] {"alice", "bob"})
                                .build())
                        .build());
        assertThat(created.getCode()).as(created.getMsg()).isZero();
        String chatPath = "/chats/" + created.getData().getChatId();

        try (var alice = Browser.open(server, Browser.DESKTOP);
                var bob = Browser.open(server, Browser.PHONE)) {
            alice.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            alice.go(chatPath);
            alice.find("#lk-composer-text");
            bob.signIn("bob@demo.larkspur.dev", demo.getProperty("web_password"));
            bob.go(chatPath);
            bob.find("#lk-composer-text");
            String bobsUrl = bob.driver().getCurrentUrl();
            // No wait for the stream to open: it starts from the position bob's page was rendered at.

            long sentAt = System.nanoTime();
            alice.find("#lk-composer-text").sendKeys("hello bob, live", Keys.ENTER);
            awaitText(bob.driver(), "hello bob, live");
            // Measured, not asserted: how long bob's page took to show it (with WebDriver's polling).
            System.out.printf("live: bob saw alice's message after %d ms%n", (System.nanoTime() - sentAt) / 1_000_000);
            assertThat(bob.driver().getCurrentUrl()).isEqualTo(bobsUrl);
            var bobs = bob.driver().findElements(By.cssSelector("#lk-timeline .lk-message"));
            assertThat(bobs).hasSize(1);
            assertThat(bobs.get(0).getAttribute("class")).doesNotContain("lk-message-mine");
            assertThat(bobs.get(0).findElement(By.cssSelector(".lk-sender")).getText())
                    .isEqualTo("Alice Chen");

            var sent = sdk.im()
                    .message()
                    .create(CreateMessageReq.newBuilder()
                            .receiveIdType("chat_id")
                            .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                    .receiveId(created.getData().getChatId())
                                    .msgType("text")
                                    .content("{\"text\":\"deploy finished\"}")
                                    .build())
                            .build());
            assertThat(sent.getCode()).as(sent.getMsg()).isZero();
            awaitText(alice.driver(), "deploy finished");
            awaitText(bob.driver(), "deploy finished");
            // Alice's own message shows once: her htmx post and the pushed copy are the same message.
            assertThat(alice.driver().findElements(By.cssSelector("#lk-timeline .lk-message")))
                    .hasSize(2);
            assertThat(alice.driver()
                            .findElement(
                                    By.cssSelector("#lk-m-" + sent.getData().getMessageId() + " .lk-bot-tag"))
                            .getText())
                    .isEqualTo("Bot");
            bob.screenshot("live-bob-phone");
        }
    }

    private static void awaitText(WebDriver driver, String text) {
        new WebDriverWait(driver, LIVE).until(d -> d.findElements(By.cssSelector("#lk-timeline .lk-message")).stream()
                .anyMatch(e -> e.getText().contains(text)));
    }
}
