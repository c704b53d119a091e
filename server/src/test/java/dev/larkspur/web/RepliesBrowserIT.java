package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.ReplyMessageReq;
import com.lark.oapi.service.im.v1.model.ReplyMessageReqBody;
import dev.larkspur.support.Browser;
import dev.larkspur.support.TestServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Replies in real Chromium: a file attached while "Replying to" is shown is a reply; an edit keeps
 * the message's @mentions; a thread's page shows new replies live while the chat's shows its root
 * with one reply more; and the screens at 360 px wide.
 */
class RepliesBrowserIT {
    private static TestServer server;
    private static Properties demo;
    private static Client sdk;
    private static String chatId;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        demo = server.demoCredentials();
        sdk = Client.newBuilder(demo.getProperty("app_id"), demo.getProperty("app_secret"))
                .openBaseUrl(server.baseUrl())
                .build();
        var created = sdk.im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .userIdType("user_id")
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name("Design review")
                                .userIdList(new String[] {"alice", "bob"})
                                .build())
                        .build());
        assertThat(created.getCode()).as(created.getMsg()).isZero();
        chatId = created.getData().getChatId();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFileAttachedWhileReplyingIsAReplyAndAnEditKeepsTheMentions() throws Exception {
        String question = botSays("which logo do we ship?");
        try (var alice = Browser.open(server, Browser.DESKTOP)) {
            alice.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            alice.go("/chats/" + chatId);
            menuItem(alice, "lk-m-" + question, "reply").click();
            assertThat(alice.find("#lk-replying").getText()).contains("Replying to Demo Bot");
            var picture = Files.createTempFile("larkspur-logo", ".png");
            Files.write(picture, png());
            alice.driver().findElement(By.id("lk-upload-file")).sendKeys(picture.toString());
            var quoted = alice.waitFor(d -> d.findElements(By.cssSelector(".lk-message-mine")).stream()
                    .filter(m -> !m.findElements(By.cssSelector(".lk-content-image img"))
                            .isEmpty())
                    .findFirst()
                    .orElse(null));
            assertThat(quoted.findElement(By.cssSelector(".lk-quote")).getText())
                    .contains("which logo do we ship?");
            alice.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("lk-replying")));

            // A mention picked in the composer stays a mention through an edit.
            var text = alice.find("#lk-composer-text");
            text.sendKeys("@Bob");
            alice.find("#lk-mention-picker .lk-mention-option[aria-selected=true]");
            text.sendKeys(Keys.ENTER);
            text.sendKeys("the blue one", Keys.ENTER);
            String mine = alice.waitFor(d -> d.findElements(By.cssSelector(".lk-message-mine")).stream()
                    .filter(m -> m.getText().contains("the blue one"))
                    .map(m -> m.getAttribute("id"))
                    .findFirst()
                    .orElse(null));
            alice.waitFor(d -> textOf(d, mine + " .lk-at").equals("@Bob Li"));
            menuItem(alice, mine, "edit").click();
            alice.waitFor(
                    d -> d.switchTo().activeElement().getAttribute("class").contains("lk-edit-text"));
            alice.driver().switchTo().activeElement().sendKeys(Keys.END, ", surely", Keys.ENTER);
            alice.waitFor(d -> textOf(d, mine).contains("the blue one, surely"));
            assertThat(textOf(alice.driver(), mine + " .lk-at")).isEqualTo("@Bob Li");
            alice.screenshot("replies-desktop");
        }
    }

    @Test
    void aThreadsPageShowsNewRepliesLiveAndTheChatShowsOneReplyMore() throws Exception {
        String root = botSays("release checklist");
        botReplies(root, "step one done");
        try (var alice = Browser.open(server, Browser.PHONE);
                var bob = Browser.open(server, Browser.PHONE)) {
            alice.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            alice.go("/chats");
            alice.find("#lk-chat-list");
            alice.screenshot("phone-chat-list");
            alice.go("/chats/" + chatId);
            alice.waitFor(d -> textOf(d, "lk-m-" + root + " .lk-thread-link").equals("1 reply"));
            bob.signIn("bob@demo.larkspur.dev", demo.getProperty("web_password"));
            bob.go("/chats/" + chatId);
            bob.find("#lk-m-" + root + " .lk-thread-link").click();
            bob.waitFor(d ->
                    d.findElements(By.cssSelector("#lk-timeline .lk-message")).size() == 2);
            String threadUrl = bob.driver().getCurrentUrl();
            bob.waitFor(d -> "open".equals(d.findElement(By.id("lk-timeline")).getAttribute("data-live")));

            botReplies(root, "step two done");

            bob.waitFor(d -> d.findElements(By.cssSelector("#lk-timeline .lk-message")).stream()
                    .anyMatch(m -> m.getText().contains("step two done")));
            assertThat(bob.driver().getCurrentUrl()).isEqualTo(threadUrl);
            assertThat(bob.driver().findElements(By.cssSelector("#lk-timeline .lk-message")))
                    .hasSize(3);
            alice.waitFor(d -> textOf(d, "lk-m-" + root + " .lk-thread-link").equals("2 replies"));
            assertThat(alice.find("#lk-timeline").getText()).doesNotContain("step two done");

            // Bob answers in the thread from his phone; alice's chat counts it too.
            bob.find("#lk-composer-text").sendKeys("step three on me", Keys.ENTER);
            bob.waitFor(d ->
                    d.findElements(By.cssSelector("#lk-timeline .lk-message")).size() == 4);
            alice.waitFor(d -> textOf(d, "lk-m-" + root + " .lk-thread-link").equals("3 replies"));
            alice.screenshot("phone-chat");
            bob.screenshot("phone-thread");
            assertThat(((JavascriptExecutor) bob.driver())
                            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("nothing wider than the phone's screen")
                    .isEqualTo(true);
        }
    }

    private static String botSays(String text) throws Exception {
        var sent = sdk.im()
                .message()
                .create(CreateMessageReq.newBuilder()
                        .receiveIdType("chat_id")
                        .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                .receiveId(chatId)
                                .msgType("text")
                                .content("{\"text\":\"" + text + "\"}")
                                .build())
                        .build());
        assertThat(sent.getCode()).as(sent.getMsg()).isZero();
        return sent.getData().getMessageId();
    }

    private static void botReplies(String messageId, String text) throws Exception {
        var sent = sdk.im()
                .message()
                .reply(ReplyMessageReq.newBuilder()
                        .messageId(messageId)
                        .replyMessageReqBody(ReplyMessageReqBody.newBuilder()
                                .msgType("text")
                                .content("{\"text\":\"" + text + "\"}")
                                .replyInThread(true)
                                .build())
                        .build());
        assertThat(sent.getCode()).as(sent.getMsg()).isZero();
    }

    private static byte[] png() throws Exception {
        var image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x33, 0x70, 0xff));
        g.fillRect(0, 0, 120, 80);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
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
