package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.cardcallback.P2CardActionTriggerHandler;
import com.lark.oapi.event.cardcallback.model.CallBackCard;
import com.lark.oapi.event.cardcallback.model.CallBackToast;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerResponse;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.Client;
import com.lark.oapi.ws.ClientStopper;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Browser;
import dev.larkspur.support.Sdk;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alice clicks the demo bot's card in real Chromium; the bot, an official Java SDK client on the
 * long connection, gets card.action.trigger and answers with a toast, a new card, or an error, which
 * show in place without a reload. Markup the bot put in the card shows as text.
 */
class CardClickBrowserIT {
    private static final String INJECTED = "<img src=x onerror=alert(1)>";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<P2MessageReceiveV1> received = new CopyOnWriteArrayList<>();
    private static final List<P2CardActionTrigger> clicks = new CopyOnWriteArrayList<>();
    private static TestServer server;
    private static Properties demo;
    private static Client bot;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of(
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
                .onP2CardActionTrigger(new P2CardActionTriggerHandler() {
                    @Override
                    public P2CardActionTriggerResponse handle(P2CardActionTrigger event) {
                        clicks.add(event);
                        return answer(event);
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

    /** The bot's side: what each control of its card does. */
    private static P2CardActionTriggerResponse answer(P2CardActionTrigger event) {
        var action = event.getEvent().getAction();
        var response = new P2CardActionTriggerResponse();
        var toast = new CallBackToast();
        if (!"button".equals(action.getTag())) {
            toast.setType("info");
            toast.setContent(action.getTag() + " " + action.getOption());
            response.setToast(toast);
            return response;
        }
        switch (String.valueOf(action.getValue().get("step"))) {
            case "approve" -> {
                toast.setType("success");
                toast.setContent("Approved");
                response.setToast(toast);
                var card = new CallBackCard();
                card.setType("raw");
                card.setData(Map.of(
                        "header",
                        Map.of("template", "green", "title", Map.of("tag", "plain_text", "content", "Order approved")),
                        "elements",
                        List.of(Map.of("tag", "div", "text", Map.of("tag", "plain_text", "content", "Done by you")))));
                response.setCard(card);
            }
            case "toast" -> {
                toast.setType("warning");
                toast.setContent("Only a toast");
                response.setToast(toast);
            }
            default -> throw new IllegalStateException("the bot broke");
        }
        return response;
    }

    private static String card() {
        return JSON.writeValueAsString(Map.of(
                "header",
                Map.of("template", "blue", "title", Map.of("tag", "plain_text", "content", "Order " + INJECTED)),
                "elements",
                List.of(
                        Map.of("tag", "div", "text", Map.of("tag", "plain_text", "content", "Plain " + INJECTED)),
                        Map.of("tag", "div", "text", Map.of("tag", "lark_md", "content", "**Md** " + INJECTED)),
                        Map.of(
                                "tag",
                                "action",
                                "actions",
                                List.of(
                                        button("Approve", Map.of("step", "approve", "note", INJECTED)),
                                        button("Toast", Map.of("step", "toast")),
                                        button("Break", Map.of("step", "break")),
                                        Map.of(
                                                "tag",
                                                "button",
                                                "text",
                                                Map.of("tag", "plain_text", "content", "Docs"),
                                                "url",
                                                "https://example.com/docs"),
                                        Map.of(
                                                "tag",
                                                "select_static",
                                                "placeholder",
                                                Map.of("tag", "plain_text", "content", "Size"),
                                                "value",
                                                Map.of("field", "size"),
                                                "options",
                                                List.of(option("Small", "s"), option("Large", "l"))),
                                        Map.of(
                                                "tag",
                                                "overflow",
                                                "value",
                                                Map.of("field", "more"),
                                                "options",
                                                List.of(option("Archive", "archive"), option("Mute", "mute"))),
                                        Map.of(
                                                "tag",
                                                "date_picker",
                                                "value",
                                                Map.of("field", "due"),
                                                "initial_date",
                                                "2024-1-1"))))));
    }

    /** A 2.0 card, shared by all, whose button calls back through its behaviors. */
    private static Map<String, Object> shippedCard() {
        return Map.of(
                "schema",
                "2.0",
                "header",
                Map.of("template", "turquoise", "title", Map.of("tag", "plain_text", "content", "Order shipped")),
                "body",
                Map.of(
                        "elements",
                        List.of(Map.of(
                                "tag",
                                "button",
                                "text",
                                Map.of("tag", "plain_text", "content", "Again"),
                                "behaviors",
                                List.of(Map.of("type", "callback", "value", Map.of("step", "toast")))))));
    }

    private static Map<String, Object> button(String text, Map<String, String> value) {
        return Map.of("tag", "button", "text", Map.of("tag", "plain_text", "content", text), "value", value);
    }

    private static Map<String, Object> option(String text, String value) {
        return Map.of("text", Map.of("tag", "plain_text", "content", text), "value", value);
    }

    @Test
    void aliceClicksTheBotsCardAndItsAnswersShowInPlace() throws Exception {
        String appId = demo.getProperty("app_id");
        try (var browser = Browser.open(server, Browser.DESKTOP)) {
            browser.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            browser.find("#lk-bot-" + appId).click();
            browser.waitFor(ExpectedConditions.urlMatches("/chats/oc_"));
            String chatPath = browser.path();
            browser.find("#lk-composer-text").sendKeys("card please", Keys.ENTER);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                    .anyMatch(e -> e.getEvent().getMessage().getContent().contains("card please")));
            String chatId =
                    received.get(received.size() - 1).getEvent().getMessage().getChatId();
            var sent = Sdk.client(server, new Admin.AppCreds(appId, demo.getProperty("app_secret"), null))
                    .im()
                    .message()
                    .create(CreateMessageReq.newBuilder()
                            .receiveIdType("chat_id")
                            .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                    .receiveId(chatId)
                                    .msgType("interactive")
                                    .content(card())
                                    .build())
                            .build());
            assertThat(sent.getCode()).as(sent.getMsg()).isZero();
            String messageId = sent.getData().getMessageId();
            browser.go(chatPath);
            String card = "#lk-m-" + messageId;
            browser.find(card + " .lk-card");
            var js = (JavascriptExecutor) browser.driver();
            js.executeScript("window.lkNoReload = true;");

            // Markup from the bot is text, in the card and in what a click sends back.
            assertThat(browser.find(card + " .lk-card-title").getText()).isEqualTo("Order " + INJECTED);
            assertThat(browser.find(card + " .lk-card-body").getText()).contains("Plain " + INJECTED, INJECTED);
            assertThat(browser.driver().findElements(By.cssSelector("#lk-timeline img[src='x']")))
                    .isEmpty();
            var docs = browser.find(card + " a.lk-btn");
            assertThat(docs.getAttribute("target")).isEqualTo("_blank");
            assertThat(docs.getAttribute("rel")).contains("noopener");

            // Keyboard: Enter on the focused button.
            buttonNamed(browser, card, "Toast").sendKeys(Keys.ENTER);
            var toast = browser.find(card + " + .lk-toast");
            assertThat(toast.getText()).isEqualTo("Only a toast");
            assertThat(toast.getAttribute("role")).isEqualTo("status");
            assertThat(toast.getAttribute("class")).contains("lk-toast-warning");
            browser.screenshot("card-toast-desktop");

            new Select(browser.find(card + " select")).selectByValue("l");
            browser.waitFor(ExpectedConditions.textToBe(By.cssSelector(card + " + .lk-toast"), "select_static l"));
            var picked = clicks.get(clicks.size() - 1).getEvent().getAction();
            assertThat(picked.getTag()).isEqualTo("select_static");
            assertThat(picked.getOption()).isEqualTo("l");
            assertThat(picked.getValue()).containsEntry("field", "size");

            browser.find(card + " .lk-overflow > summary").click();
            buttonNamed(browser, card, "Mute").click();
            browser.waitFor(ExpectedConditions.textToBe(By.cssSelector(card + " + .lk-toast"), "overflow mute"));
            assertThat(clicks.get(clicks.size() - 1).getEvent().getAction().getValue())
                    .containsEntry("field", "more");

            js.executeScript(
                    "const input = arguments[0]; input.value = '2024-03-09';"
                            + " input.dispatchEvent(new Event('change', {bubbles: true}));",
                    browser.find(card + " input[type=date]"));
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(card + " + .lk-toast"), "date_picker 2024-03-09 +"));

            buttonNamed(browser, card, "Break").click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(card + " + .lk-toast"), "200671"));
            assertThat(browser.find(card + " + .lk-toast").getAttribute("class"))
                    .contains("lk-toast-error");
            browser.screenshot("card-error-desktop");

            buttonNamed(browser, card, "Approve").click();
            browser.waitFor(ExpectedConditions.textToBe(By.cssSelector(card + " .lk-card-title"), "Order approved"));
            assertThat(browser.find(card + " + .lk-toast").getText()).isEqualTo("Approved");
            assertThat(js.executeScript("return window.lkNoReload === true;")).isEqualTo(true);
            var approve = clicks.get(clicks.size() - 1).getEvent();
            assertThat(approve.getAction().getTag()).isEqualTo("button");
            assertThat(approve.getAction().getValue()).containsEntry("note", INJECTED);
            assertThat(approve.getContext().getOpenMessageId()).isEqualTo(messageId);
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            browser.screenshot("card-answered-desktop");

            // The answer was for Alice alone (no update_multi): she keeps seeing it after a reload.
            browser.go(chatPath);
            assertThat(browser.find(card + " .lk-card-title").getText()).isEqualTo("Order approved");

            // Later the bot updates the card for everyone with the click's token: the live stream
            // brings it, and its button works as the first card's did.
            js.executeScript("window.lkNoReload = true;");
            var http = server.http();
            var update = http.post(
                    "/open-apis/interactive/v1/card/update",
                    http.tenantToken(appId, demo.getProperty("app_secret")),
                    JSON.writeValueAsString(Map.of("token", approve.getToken(), "card", shippedCard())));
            assertThat(update.code()).as(update.body().toString()).isZero();
            browser.waitFor(ExpectedConditions.textToBe(By.cssSelector(card + " .lk-card-title"), "Order shipped"));
            assertThat(js.executeScript("return window.lkNoReload === true;")).isEqualTo(true);
            buttonNamed(browser, card, "Again").click();
            browser.waitFor(ExpectedConditions.textToBe(By.cssSelector(card + " + .lk-toast"), "Only a toast"));
            browser.screenshot("card-updated-desktop");
        }
        try (var phone = Browser.open(server, Browser.PHONE)) {
            phone.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            phone.find(".lk-chat-link").click();
            phone.find(".lk-content-card");
            phone.screenshot("card-answered-phone");
        }
    }

    private static org.openqa.selenium.WebElement buttonNamed(Browser browser, String card, String text) {
        return browser.driver().findElements(By.cssSelector(card + " button")).stream()
                .filter(b -> b.getText().equals(text))
                .findFirst()
                .orElseThrow();
    }
}
