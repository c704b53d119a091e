package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Browser;
import dev.larkspur.support.TestServer;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Alice creates a group from her chat list in real Chromium, opens its panel from the chat header,
 * and closes it with Esc; on a 360 px phone Bob opens the same panel full screen and can reach its
 * controls.
 */
class GroupBrowserIT {
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
    void aliceCreatesAGroupOpensItsPanelAndBobUsesItOnAPhone() {
        String password = demo.getProperty("web_password");
        String botId = demo.getProperty("app_id");
        try (var alice = Browser.open(server, Browser.DESKTOP);
                var bob = Browser.open(server, Browser.PHONE)) {
            alice.signIn("alice@demo.larkspur.dev", password);
            alice.find("#lk-new-group").click();
            alice.waitFor(ExpectedConditions.urlMatches("/chats/new-group"));
            alice.find("#lk-group-name").sendKeys("Launch crew");
            alice.find("#lk-group-description").sendKeys("Everything about the launch");
            alice.find("#lk-pick-bob").click();
            alice.find("#lk-pick-" + botId).click();
            alice.screenshot("group-new-desktop");
            alice.find("#lk-create-group").click();
            alice.waitFor(ExpectedConditions.urlMatches("/chats/oc_[0-9a-f]{32}$"));
            String chatPath = alice.path();
            assertThat(alice.find(".lk-chat-title").getText()).isEqualTo("Launch crew");
            alice.screenshot("group-chat-desktop");

            alice.find("#lk-chat-info").click();
            alice.waitFor(ExpectedConditions.urlMatches(chatPath + "/info$"));
            var panel = alice.find("#lk-group-panel");
            assertThat(panel.getSize().getWidth())
                    .as("a side panel at desktop width")
                    .isLessThan(600);
            assertThat(alice.find("#lk-members").getText()).contains("Alice Chen", "Owner", "Bob Li", "Bot");
            alice.screenshot("group-panel-desktop");
            alice.driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
            alice.waitFor(ExpectedConditions.urlMatches(chatPath + "$"));
            assertThat(alice.find(".lk-chat-title").getText()).isEqualTo("Launch crew");

            bob.signIn("bob@demo.larkspur.dev", password);
            bob.find(".lk-chat-link[href='" + chatPath + "']").click();
            bob.find("#lk-chat-info").click();
            bob.waitFor(ExpectedConditions.urlMatches(chatPath + "/info$"));
            var phonePanel = bob.find("#lk-group-panel");
            assertThat(phonePanel.getSize().getWidth())
                    .as("full screen at 360 px")
                    .isEqualTo(360);
            var script = (JavascriptExecutor) bob.driver();
            long overflow =
                    (Long) script.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).as("nothing wider than the phone").isLessThanOrEqualTo(0);
            bob.screenshot("group-panel-phone");
            bob.find("#lk-announcement-text").sendKeys("Launch on Friday");
            bob.find("#lk-announcement-save").click();
            bob.waitFor(ExpectedConditions.textToBe(By.id("lk-announcement"), "Launch on Friday"));
            bob.find("#lk-panel-close").click();
            bob.waitFor(ExpectedConditions.urlMatches(chatPath + "$"));
        }
    }
}
