package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import dev.larkspur.support.Browser;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What alice sees when she uses a message's menu in real Chromium: her reaction as a chip, her
 * recalled message, her reply with its quote, her edit, all without a reload; the menu works by keyboard.
 */
class MessageActionsBrowserIT {
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
    void aliceReactsRecallsAndRepliesWithoutAReload() {
        var sdk = Client.newBuilder(demo.getProperty("app_id"), demo.getProperty("app_secret"))
                .openBaseUrl(server.baseUrl())
                .build();
        String chatPath;
        try {
            var created = sdk.im()
                    .chat()
                    .create(CreateChatReq.newBuilder()
                            .userIdType("user_id")
                            .createChatReqBody(CreateChatReqBody.newBuilder()
                                    .name("Lunch crew")
                                    .userIdList(new String[] {"alice", "bob"})
                                    .build())
                            .build());
            assertThat(created.getCode()).as(created.getMsg()).isZero();
            chatPath = "/chats/" + created.getData().getChatId();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        var bob = new WebHttp(server);
        assertThat(bob.signIn("bob@demo.larkspur.dev", demo.getProperty("web_password"))
                        .statusCode())
                .isEqualTo(302);
        var form = new LinkedHashMap<String, String>();
        form.put("_csrf", WebHttp.csrfIn(bob.get("/chats").body()));
        form.put("text", "lunch at noon?");
        assertThat(bob.post(chatPath + "/messages", form).statusCode()).isEqualTo(302);

        try (var alice = Browser.open(server, Browser.DESKTOP)) {
            alice.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            alice.go(chatPath);
            alice.find("#lk-composer-text").sendKeys("sorry, typo here", Keys.ENTER);
            String mineId = alice.find(".lk-message-mine").getAttribute("id");
            var bobs = alice.find(".lk-message:not(.lk-message-mine)");
            String bobsId = bobs.getAttribute("id");
            String url = alice.driver().getCurrentUrl();

            // The menu opens from its button by keyboard and Esc closes it.
            var toggle = bobs.findElement(By.cssSelector(".lk-actions-toggle"));
            toggle.sendKeys(Keys.ENTER);
            var menu = alice.find("#lk-menu-" + bobsId.substring("lk-m-".length()));
            assertThat(alice.driver().switchTo().activeElement().getText()).isEqualTo("Reply");
            alice.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            alice.waitFor(ExpectedConditions.invisibilityOf(menu));
            assertThat(alice.driver().switchTo().activeElement()).isEqualTo(toggle);

            menuItem(alice, bobsId, "react").click();
            alice.find("#lk-picker .lk-picker-emoji[data-emoji=THUMBSUP]").click();
            alice.waitFor(d -> textOf(d, bobsId + " .lk-chip[data-emoji=THUMBSUP]")
                    .replaceAll("\\s+", " ")
                    .equals("👍 1"));
            alice.screenshot("actions-reacted");

            menuItem(alice, mineId, "recall").click();
            alice.waitFor(d -> textOf(d, mineId).contains("This message was recalled"));

            menuItem(alice, bobsId, "reply").click();
            assertThat(alice.find("#lk-replying").getText()).contains("Replying to Bob", "lunch at noon?");
            alice.find("#lk-composer-text").sendKeys("noon works", Keys.ENTER);
            String replyId = alice.waitFor(d -> d.findElements(By.cssSelector("#lk-timeline .lk-message")).stream()
                    .filter(e -> e.getText().contains("noon works"))
                    .map(e -> e.getAttribute("id"))
                    .findFirst()
                    .orElse(null));
            alice.waitFor(d -> textOf(d, replyId + " .lk-quote").contains("lunch at noon?"));
            alice.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("lk-replying")));

            // Editing in place: the box takes the focus, Enter saves.
            menuItem(alice, replyId, "edit").click();
            alice.waitFor(
                    d -> d.switchTo().activeElement().getAttribute("class").contains("lk-edit-text"));
            alice.driver().switchTo().activeElement().sendKeys(Keys.END, ", see you", Keys.ENTER);
            alice.waitFor(d -> textOf(d, replyId).contains("noon works, see you"));
            alice.waitFor(d -> textOf(d, replyId + " .lk-edited").equals("(edited)"));

            assertThat(alice.driver().getCurrentUrl()).isEqualTo(url);
            assertThat(textOf(alice.driver(), bobsId + " .lk-chip-count")).isEqualTo("1");
            alice.screenshot("actions-desktop");
        }
        try (var phone = Browser.open(server, Browser.PHONE)) {
            phone.signIn("bob@demo.larkspur.dev", demo.getProperty("web_password"));
            phone.go(chatPath);
            var first = phone.find(".lk-message .lk-actions-toggle");
            first.click();
            phone.find(".lk-menu:not([hidden])");
            phone.screenshot("actions-phone-menu");
        }
    }

    /** The text at "#id rest"; empty while live updates or htmx are replacing the message. */
    private static String textOf(WebDriver driver, String idAndRest) {
        try {
            return driver.findElement(By.cssSelector("#" + idAndRest)).getText();
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return "";
        }
    }

    /** Opens the message's menu with a click and answers the item for the action. */
    private static WebElement menuItem(Browser browser, String messageId, String action) {
        // A live update may replace the message (and close its menu) at any moment: open it again.
        return browser.waitFor(d -> {
            try {
                var item =
                        d.findElement(By.cssSelector("#" + messageId + " .lk-menu-item[data-action=" + action + "]"));
                if (item.isDisplayed()) {
                    return item;
                }
                d.findElement(By.cssSelector("#" + messageId + " .lk-actions-toggle"))
                        .click();
                return null;
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return null;
            }
        });
    }
}
