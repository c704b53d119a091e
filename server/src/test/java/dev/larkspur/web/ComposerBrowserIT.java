package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Browser;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Alice in a group, in real Chromium: she attaches an image with the file input, pastes one, drops
 * two files on the chat, and mentions a bot through the @ picker; the bot hears the mention.
 */
class ComposerBrowserIT {
    private static final List<P2MessageReceiveV1> heard = new CopyOnWriteArrayList<>();
    private static TestServer server;
    private static Properties demo;
    private static EventReceiver receiver;
    private static String room;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("larkspur.events.poll-millis", "50"));
        demo = server.demoCredentials();
        String tenant = demo.getProperty("tenant_key");
        var demoApp = new Admin.AppCreds(demo.getProperty("app_id"), demo.getProperty("app_secret"), tenant);
        var scopes = new ArrayList<String>();
        Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + demoApp.appId(), null))
                .path("scopes")
                .forEach(s -> scopes.add(s.asText()));
        scopes.removeAll(List.of("im:message.group_msg", "im:message.group_msg:readonly"));
        var helper = server.admin().app(tenant, "Helper", scopes);
        receiver = new EventReceiver(EventDispatcher.newBuilder("vt", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        heard.add(event);
                    }
                })
                .build());
        Admin.ok(server.admin()
                .call(
                        "PUT",
                        "/admin/v1/apps/" + helper.appId() + "/event_settings",
                        Map.of("request_url", receiver.url(), "verification_token", "vt")));
        var created = Sdk.client(server, demoApp)
                .im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .userIdType("user_id")
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name("Design Review")
                                .userIdList(new String[] {"alice", "bob"})
                                .botIdList(new String[] {helper.appId()})
                                .build())
                        .build());
        assertThat(created.getCode()).isZero();
        room = created.getData().getChatId();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aliceSendsAnAttachedAPastedAndADroppedFileAndMentionsTheBot() throws Exception {
        try (var browser = Browser.open(server, Browser.DESKTOP)) {
            browser.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            browser.waitFor(ExpectedConditions.urlMatches("/chats"));
            browser.go("/chats/" + room);
            var js = (JavascriptExecutor) browser.driver();

            Path picture = Files.createTempFile("larkspur-picture", ".png");
            Files.write(picture, png(new Color(0x33, 0x70, 0xff)));
            browser.driver().findElement(By.id("lk-upload-file")).sendKeys(picture.toString());
            awaitImages(browser, js, 1);

            // A pasted image: the clipboard event a browser fires, with a file in its DataTransfer.
            js.executeScript(
                    """
                    const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                    const transfer = new DataTransfer();
                    transfer.items.add(new File([bytes], 'pasted.png', {type: 'image/png'}));
                    document.getElementById('lk-composer-text').dispatchEvent(new ClipboardEvent('paste',
                        {clipboardData: transfer, bubbles: true, cancelable: true}));
                    """,
                    Base64.getEncoder().encodeToString(png(new Color(0x2e, 0xa1, 0x21))));
            awaitImages(browser, js, 2);

            js.executeScript(
                    """
                    const transfer = new DataTransfer();
                    transfer.items.add(new File(['minutes of the review'], 'minutes.txt', {type: 'text/plain'}));
                    transfer.items.add(new File(['agenda'], 'agenda.txt', {type: 'text/plain'}));
                    document.getElementById('lk-timeline').dispatchEvent(new DragEvent('drop',
                        {dataTransfer: transfer, bubbles: true, cancelable: true}));
                    """);
            // Two files dropped at once: two messages, in order.
            // Read in one script: live updates may redraw a message between two WebDriver calls.
            List<?> files = browser.waitFor(d -> {
                var texts = (List<?>) js.executeScript("return Array.from(document.querySelectorAll("
                        + "'.lk-message-mine .lk-file')).map(e => e.innerText);");
                return texts.size() == 2 ? texts : null;
            });
            assertThat((String) files.get(0)).contains("minutes.txt", "21 B", "Download");
            assertThat((String) files.get(1)).contains("agenda.txt", "6 B");

            var text = browser.find("#lk-composer-text");
            text.sendKeys("please look @Hel");
            var option = browser.find("#lk-mention-picker .lk-mention-option[aria-selected=true]");
            assertThat(option.getText()).contains("@Helper", "Bot");
            assertThat(browser.driver().findElements(By.cssSelector(".lk-mention-option:not([hidden])")))
                    .hasSize(1);
            browser.screenshot("composer-mention-picker");
            text.sendKeys(Keys.ENTER);
            assertThat(text.getAttribute("value")).isEqualTo("please look @Helper ");
            assertThat(browser.driver().findElement(By.id("lk-mention-picker")).isDisplayed())
                    .isFalse();
            text.sendKeys("ping", Keys.ENTER);
            browser.waitFor(
                    d -> "@Helper"
                            .equals(
                                    js.executeScript(
                                            "const at = document.querySelector('.lk-message-mine .lk-at'); return at && at.innerText;")));
            assertThat(browser.driver().findElements(By.cssSelector("#lk-composer input[name=mention]")))
                    .isEmpty();
            await().atMost(Duration.ofSeconds(20)).until(() -> heard.stream()
                    .anyMatch(e -> e.getEvent().getMessage().getContent().contains("ping")));
            var mentions = heard.stream()
                    .filter(e -> e.getEvent().getMessage().getContent().contains("ping"))
                    .findFirst()
                    .orElseThrow()
                    .getEvent()
                    .getMessage()
                    .getMentions();
            assertThat(mentions).hasSize(1);
            assertThat(mentions[0].getName()).isEqualTo("Helper");

            // Esc closes the picker without picking.
            text.sendKeys("@B");
            browser.find("#lk-mention-picker .lk-mention-option[aria-selected=true]");
            text.sendKeys(Keys.ESCAPE);
            assertThat(browser.find("#lk-composer-text").getAttribute("value")).isEqualTo("@B");
            assertThat(browser.driver().findElement(By.id("lk-mention-picker")).isDisplayed())
                    .isFalse();
            browser.screenshot("composer-desktop");
        }
        try (var phone = Browser.open(server, Browser.PHONE)) {
            phone.signIn("alice@demo.larkspur.dev", demo.getProperty("web_password"));
            phone.waitFor(ExpectedConditions.urlMatches("/chats"));
            phone.go("/chats/" + room);
            phone.find(".lk-message-mine .lk-content-image img");
            assertThat(phone.find(".lk-attach").getRect().getWidth()).isGreaterThanOrEqualTo(40);
            phone.screenshot("composer-phone");
        }
    }

    private static void awaitImages(Browser browser, JavascriptExecutor js, int count) {
        browser.waitFor(d -> d.findElements(By.cssSelector(".lk-message-mine .lk-content-image img"))
                        .size()
                == count);
        browser.waitFor(
                d -> (Boolean) js.executeScript("return Array.from(document.querySelectorAll('.lk-content-image img'))"
                        + ".every(i => i.complete && i.naturalWidth > 0);"));
    }

    private static byte[] png(Color color) throws Exception {
        var image = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 160, 90);
        g.setColor(Color.WHITE);
        g.fillOval(55, 20, 50, 50);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
