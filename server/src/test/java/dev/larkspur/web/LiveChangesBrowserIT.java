package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.DeleteChatMembersReq;
import com.lark.oapi.service.im.v1.model.DeleteChatMembersReqBody;
import com.lark.oapi.service.im.v1.model.DeleteMessageReq;
import com.lark.oapi.service.im.v1.model.UpdateMessageReq;
import com.lark.oapi.service.im.v1.model.UpdateMessageReqBody;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Browser;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * Every kind of change shows live: with their group open in real Chromium, bob sees the bot's new
 * message, its edit, alice's reaction, alice reading his message, the recall, and then that he was
 * removed; alice's chat
 * list moves the chat that got a message to the top. None of it reloads a page.
 */
class LiveChangesBrowserIT {
    /** Issue 11 asks for 1 s; the bound leaves room for a loaded test machine and WebDriver's polling. */
    private static final Duration LIVE = Duration.ofSeconds(5);

    private static TestServer server;
    private static Properties demo;
    private static Client bot;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
        demo = server.demoCredentials();
        bot = Client.newBuilder(demo.getProperty("app_id"), demo.getProperty("app_secret"))
                .openBaseUrl(server.baseUrl())
                .build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void editsReactionsRecallsAndRemovalShowOnTheOtherMembersOpenPage() throws Exception {
        String chatId = group("Live changes");
        try (var bob = Browser.open(server, Browser.PHONE)) {
            bob.signIn("bob@demo.larkspur.dev", demo.getProperty("web_password"));
            bob.go("/chats/" + chatId);
            bob.find("#lk-composer-text");
            markPage(bob.driver());

            String messageId = send(chatId, "first version");
            awaitMessage(bob.driver(), messageId, "first version");

            var edited = bot.im()
                    .message()
                    .update(UpdateMessageReq.newBuilder()
                            .messageId(messageId)
                            .updateMessageReqBody(UpdateMessageReqBody.newBuilder()
                                    .msgType("text")
                                    .content("{\"text\":\"second version\"}")
                                    .build())
                            .build());
            assertThat(edited.getCode()).as(edited.getMsg()).isZero();
            awaitMessage(bob.driver(), messageId, "second version");
            assertThat(messageText(bob.driver(), messageId)).doesNotContain("first version");

            // A reaction: the message is rendered anew (whatever the fragment shows of reactions).
            markMessage(bob.driver(), messageId);
            Admin.ok(server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + demo.getProperty("tenant_key") + "/users/alice/reactions",
                            Map.of("message_id", messageId, "emoji_type", "THUMBSUP")));
            await().atMost(LIVE).until(() -> !messageMarked(bob.driver(), messageId));
            await().atMost(LIVE).until(() -> "1".equals(chipCount(bob.driver(), messageId, "THUMBSUP")));
            // The pushed copy works like the page's own: its htmx form (with bob's CSRF token) adds his.
            bob.find("#lk-m-" + messageId + " .lk-chip[data-emoji='THUMBSUP']").click();
            await().atMost(LIVE).until(() -> "2".equals(chipCount(bob.driver(), messageId, "THUMBSUP")));
            bob.screenshot("live-changes-bob-edited");

            // Bob's own message: alice reads it, and bob's copy says so.
            bob.find("#lk-composer-text").sendKeys("read me", Keys.ENTER);
            String bobsId = bob.waitFor(d -> (String) ((JavascriptExecutor) d)
                    .executeScript("const e = Array.from(document.querySelectorAll('#lk-timeline .lk-message-mine'))"
                            + ".find(m => m.innerText.includes('read me')); return e ? e.dataset.messageId : null;"));
            awaitMessage(bob.driver(), bobsId, "Unread");
            Admin.ok(server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + demo.getProperty("tenant_key") + "/users/alice/reads",
                            Map.of("message_ids", List.of(bobsId))));
            awaitMessage(bob.driver(), bobsId, "Read by 1");
            bob.screenshot("live-changes-bob-read");

            var recalled = bot.im()
                    .message()
                    .delete(DeleteMessageReq.newBuilder().messageId(messageId).build());
            assertThat(recalled.getCode()).as(recalled.getMsg()).isZero();
            awaitMessage(bob.driver(), messageId, "recalled");

            var removed = bot.im()
                    .chatMembers()
                    .delete(DeleteChatMembersReq.newBuilder()
                            .chatId(chatId)
                            .memberIdType("user_id")
                            .deleteChatMembersReqBody(DeleteChatMembersReqBody.newBuilder()
                                    .idList(new String[] {"bob"})
                                    .build())
                            .build());
            assertThat(removed.getCode()).as(removed.getMsg()).isZero();
            await().atMost(LIVE).until(() -> bob.driver().findElements(By.id("lk-live-notice")).stream()
                    .anyMatch(e -> e.getText().contains("no longer a member")));
            assertThat(bob.find("#lk-composer-text").isEnabled()).isFalse();
            bob.screenshot("live-changes-bob-removed");
            assertThat(pageMarked(bob.driver())).as("no reload").isTrue();
        }
    }

    @Test
    void theChatListMovesAChatWithANewMessageToTheTop() throws Exception {
        String older = group("Live list older");
        group("Live list newer");
        try (var alice = Browser.open(server, Browser.DESKTOP)) {
            alice.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            alice.go("/chats");
            alice.find("#lk-chat-list");
            assertThat(chatNames(alice.driver()).get(0)).isEqualTo("Live list newer");
            markPage(alice.driver());

            send(older, "bump");

            await().atMost(LIVE).until(() -> chatNames(alice.driver()).get(0).equals("Live list older"));
            assertThat(pageMarked(alice.driver())).as("no reload").isTrue();
            alice.screenshot("live-changes-alice-list");
        }
    }

    private static String group(String name) throws Exception {
        var created = bot.im()
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
    }

    private static String send(String chatId, String text) throws Exception {
        var sent = bot.im()
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

    private static void awaitMessage(WebDriver driver, String messageId, String text) {
        await().atMost(LIVE).until(() -> messageText(driver, messageId).contains(text));
    }

    /** Read in one script: a pushed change may replace the element between two WebDriver calls. */
    private static String messageText(WebDriver driver, String messageId) {
        return (String) ((JavascriptExecutor) driver)
                .executeScript(
                        "const e = document.getElementById(arguments[0]); return e ? e.innerText : '';",
                        "lk-m-" + messageId);
    }

    /** Read in one script: the list may be replaced between two WebDriver calls. */
    @SuppressWarnings("unchecked")
    private static String chipCount(WebDriver driver, String messageId, String emoji) {
        return (String) ((JavascriptExecutor) driver)
                .executeScript(
                        "const c = document.querySelector('#' + arguments[0] + ' .lk-chip[data-emoji=\"' + arguments[1]"
                                + " + '\"] .lk-chip-count'); return c ? c.textContent.trim() : null;",
                        "lk-m-" + messageId,
                        emoji);
    }

    private static List<String> chatNames(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver)
                .executeScript("return Array.from(document.querySelectorAll('#lk-chat-list .lk-chat-name'),"
                        + " e => e.textContent.trim());");
    }

    /** A mark on the page's window that a reload would lose. */
    private static void markPage(WebDriver driver) {
        ((JavascriptExecutor) driver).executeScript("window.lkNoReload = true;");
    }

    private static boolean pageMarked(WebDriver driver) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.lkNoReload === true;"));
    }

    /** A mark on the message's element that its replacement would not have. */
    private static void markMessage(WebDriver driver, String messageId) {
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).dataset.lkOld = '1';", "lk-m-" + messageId);
    }

    private static boolean messageMarked(WebDriver driver, String messageId) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript(
                        "const e = document.getElementById(arguments[0]); return !!(e && e.dataset.lkOld);",
                        "lk-m-" + messageId));
    }
}
