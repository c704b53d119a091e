package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Browser;
import dev.larkspur.support.TestServer;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Alice finds Bob in the people picker and writes to him in real Chromium; Bob, signed in in a
 * second browser, finds the chat in his list, reads it and answers; Alice sees the answer.
 */
class PeopleChatBrowserIT {
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
    void aliceAndBobWriteToEachOther() {
        String password = demo.getProperty("web_password");
        try (var alice = Browser.open(server, Browser.DESKTOP);
                var bob = Browser.open(server, Browser.PHONE)) {
            alice.signIn("alice@demo.larkspur.dev", password);
            assertThat(alice.find("#lk-people-list").getText())
                    .contains("Bob Li")
                    .doesNotContain("Alice Chen");
            alice.screenshot("people-picker-desktop");
            alice.find("#lk-person-bob").click();
            alice.waitFor(ExpectedConditions.urlMatches("/chats/oc_"));
            String chatPath = alice.path();
            assertThat(alice.find(".lk-chat-title").getText()).isEqualTo("Bob Li");
            alice.find("#lk-composer-text").sendKeys("hi bob, lunch?", Keys.ENTER);
            alice.waitFor(
                    d -> d.findElements(By.cssSelector(".lk-message-mine")).size() == 1);

            bob.signIn("bob@demo.larkspur.dev", password);
            var link = bob.find(".lk-chat-link[href='" + chatPath + "']");
            assertThat(link.getText()).contains("Alice Chen").contains("Person");
            bob.screenshot("people-picker-phone");
            link.click();
            bob.waitFor(ExpectedConditions.urlMatches(chatPath));
            assertThat(bob.find(".lk-chat-title").getText()).isEqualTo("Alice Chen");
            assertThat(bob.find(".lk-message:not(.lk-message-mine) .lk-bubble").getText())
                    .isEqualTo("hi bob, lunch?");
            bob.find("#lk-composer-text").sendKeys("sure, at noon", Keys.ENTER);
            bob.waitFor(d -> d.findElements(By.cssSelector(".lk-message-mine")).size() == 1);
            bob.screenshot("people-chat-phone");

            alice.go(chatPath);
            var theirs = alice.driver().findElements(By.cssSelector(".lk-message:not(.lk-message-mine) .lk-bubble"));
            assertThat(theirs).hasSize(1);
            assertThat(theirs.get(0).getText()).isEqualTo("sure, at noon");
            alice.screenshot("people-chat-desktop");

            alice.go("/chats");
            assertThat(alice.find(".lk-chat-link[href='" + chatPath + "']").getText())
                    .contains("Bob Li");
            alice.screenshot("people-list-desktop");
        }
    }
}
