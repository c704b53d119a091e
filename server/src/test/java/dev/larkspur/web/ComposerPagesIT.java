package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.service.im.v1.model.UpdateChatReq;
import com.lark.oapi.service.im.v1.model.UpdateChatReqBody;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The composer at the HTTP level: uploads become image and file messages whose bytes only members
 * can fetch, refusals are worded for a person, and @mentions are real mentions a bot hears.
 */
class ComposerPagesIT {
    private static TestServer server;
    private static Properties demo;
    private static Admin.AppCreds demoApp;
    private static Admin.AppCreds helper;
    private static String helperOpenId;
    private static String room;
    private static String ownersOnlyRoom;
    private static final List<P2MessageReceiveV1> heard = new CopyOnWriteArrayList<>();
    private static EventReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("larkspur.events.poll-millis", "50", "larkspur.media.image-max-size", "1MB"));
        demo = server.demoCredentials();
        String tenant = demo.getProperty("tenant_key");
        demoApp = new Admin.AppCreds(demo.getProperty("app_id"), demo.getProperty("app_secret"), tenant);
        // A bot without the group-message scope hears a group message only when it is mentioned.
        var scopes = new ArrayList<String>();
        Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + demoApp.appId(), null))
                .path("scopes")
                .forEach(s -> scopes.add(s.asText()));
        scopes.removeAll(List.of("im:message.group_msg", "im:message.group_msg:readonly"));
        helper = server.admin().app(tenant, "Helper", scopes);
        helperOpenId = Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + helper.appId(), null))
                .path("bot_open_id")
                .asText();
        var dispatcher = EventDispatcher.newBuilder("vt", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        heard.add(event);
                    }
                })
                .build();
        receiver = new EventReceiver(dispatcher);
        Admin.ok(server.admin()
                .call(
                        "PUT",
                        "/admin/v1/apps/" + helper.appId() + "/event_settings",
                        Map.of("request_url", receiver.url(), "verification_token", "vt")));
        room = group("Composer Room");
        ownersOnlyRoom = group("Owners Only");
        var update = Sdk.client(server, demoApp)
                .im()
                .chat()
                .update(UpdateChatReq.newBuilder()
                        .chatId(ownersOnlyRoom)
                        .updateChatReqBody(UpdateChatReqBody.newBuilder()
                                .atAllPermission("only_owner")
                                .build())
                        .build());
        assertThat(update.getCode()).isZero();
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
    void anUploadedImageIsSentAsAnImageWhoseBytesOnlyMembersCanFetch() throws Exception {
        var alice = signedIn("alice");
        byte[] png = png();
        var sent = alice.postFile("/chats/" + room + "/uploads", "dot.png", "image/png", png, htmx(alice));
        assertThat(sent.statusCode()).isEqualTo(200);
        var img = Jsoup.parse(sent.body()).selectFirst(".lk-content-image img");
        assertThat(img).isNotNull();
        assertThat(img.attr("alt")).isNotBlank();
        String src = img.attr("src");
        assertThat(src).startsWith("/chats/" + room + "/messages/om_").contains("type=image");

        var mine = alice.getBytes(src);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(mine.body()).isEqualTo(png);
        assertThat(mine.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
        assertThat(mine.headers().allValues("Content-Security-Policy")).contains("sandbox");
        assertThat(signedIn("bob").getBytes(src).statusCode()).isEqualTo(200);
        var carol = signedIn("carol");
        assertThat(carol.getBytes(src).statusCode()).isEqualTo(404);
        assertThat(carol.postFile("/chats/" + room + "/uploads", "dot.png", "image/png", png, htmx(carol))
                        .statusCode())
                .isEqualTo(404);
        assertThat(alice.get("/chats/" + room).body()).contains(src.replace("&", "&amp;"));
    }

    @Test
    void anUploadedFileShowsItsNameSizeAndADownloadOfItsBytesAndAVideoPlays() {
        var alice = signedIn("alice");
        byte[] notes = "twelve bytes".getBytes(StandardCharsets.UTF_8);
        var sent = alice.postFile("/chats/" + room + "/uploads", "notes.txt", "text/plain", notes, htmx(alice));
        assertThat(sent.statusCode()).isEqualTo(200);
        var file = Jsoup.parse(sent.body()).selectFirst("a.lk-file");
        assertThat(file).isNotNull();
        assertThat(file.selectFirst(".lk-file-name").text()).isEqualTo("notes.txt");
        assertThat(file.selectFirst(".lk-file-size").text()).isEqualTo("12 B");
        var download = alice.getBytes(file.attr("href"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(notes);
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment");
        assertThat(download.headers().allValues("Content-Security-Policy")).contains("sandbox");

        // An mp4 goes up as file_type mp4 and so must travel as a media message.
        byte[] mp4 = Arrays.copyOf(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 64);
        var clip = alice.postFile("/chats/" + room + "/uploads", "clip.mp4", "video/mp4", mp4, htmx(alice));
        assertThat(clip.statusCode()).isEqualTo(200);
        var video = Jsoup.parse(clip.body()).selectFirst(".lk-content-media video");
        assertThat(video).isNotNull();
        var played = alice.getBytes(video.attr("src"));
        assertThat(played.statusCode()).isEqualTo(200);
        assertThat(played.headers().firstValue("Content-Type")).hasValue("video/mp4");
    }

    @Test
    void anImageOverTheLimitAndAnEmptyFileAreRefusedInWords() {
        var alice = signedIn("alice");
        byte[] big = Arrays.copyOf(png(), 1024 * 1024 + 1);
        var refused = alice.postFile("/chats/" + room + "/uploads", "big.png", "image/png", big, htmx(alice));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).text())
                .isEqualTo("The image is larger than 1 MB, the most an image can be.");
        var empty = alice.postFile("/chats/" + room + "/uploads", "empty.txt", "text/plain", new byte[0], htmx(alice));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(empty.body()).text()).contains("empty file cannot be sent");
        var notPdf = alice.postFile(
                "/chats/" + room + "/uploads",
                "fake.pdf",
                "application/pdf",
                "hello".getBytes(StandardCharsets.UTF_8),
                htmx(alice));
        assertThat(Jsoup.parse(notPdf.body()).text()).contains("not what its name says");
    }

    @Test
    void mentioningTheBotInTheGroupDeliversTheMessageToItWithTheMention() {
        var alice = signedIn("alice");
        var picker = Jsoup.parse(alice.get("/chats/" + room + "/mentions").body());
        assertThat(picker.select(".lk-mention-option").eachAttr("data-name"))
                .contains("Helper", "Demo Bot", "Bob Li", "all")
                .doesNotContain("Alice Chen");
        assertThat(picker.selectFirst(".lk-mention-option[data-name=Helper]").attr("data-id"))
                .isEqualTo(helperOpenId);

        var sent = alice.post(
                "/chats/" + room + "/messages",
                Map.of("text", "@Helper ping", "mention", helperOpenId + "|Helper"),
                htmx(alice));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(sent.body()).select(".lk-at").text()).isEqualTo("@Helper");

        await().atMost(Duration.ofSeconds(20)).until(() -> heard.stream()
                .anyMatch(e -> e.getEvent().getMessage().getContent().contains("ping")));
        var message = heard.stream()
                .filter(e -> e.getEvent().getMessage().getContent().contains("ping"))
                .findFirst()
                .orElseThrow()
                .getEvent()
                .getMessage();
        assertThat(message.getChatId()).isEqualTo(room);
        assertThat(message.getContent()).isEqualTo("{\"text\":\"@_user_1 ping\"}");
        assertThat(message.getMentions()).hasSize(1);
        assertThat(message.getMentions()[0].getKey()).isEqualTo("@_user_1");
        assertThat(message.getMentions()[0].getName()).isEqualTo("Helper");
    }

    @Test
    void atAllIsOfferedAndSentOnlyWhereTheChatAllowsIt() {
        var alice = signedIn("alice");
        var allowed = alice.post(
                "/chats/" + room + "/messages", Map.of("text", "@all standup", "mention", "all|all"), htmx(alice));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(allowed.body()).select(".lk-at-all")).hasSize(1);

        var picker =
                Jsoup.parse(alice.get("/chats/" + ownersOnlyRoom + "/mentions").body());
        assertThat(picker.select(".lk-mention-option").eachAttr("data-id"))
                .doesNotContain("all")
                .contains(helperOpenId);
        var refused = alice.post(
                "/chats/" + ownersOnlyRoom + "/messages",
                Map.of("text", "@all standup", "mention", "all|all"),
                htmx(alice));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).text()).isNotBlank();
        assertThat(alice.get("/chats/" + ownersOnlyRoom).body()).doesNotContain("standup");
    }

    private static String group(String name) throws Exception {
        var created = Sdk.client(server, demoApp)
                .im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .userIdType("user_id")
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name(name)
                                .userIdList(new String[] {"alice", "bob"})
                                .botIdList(new String[] {helper.appId()})
                                .build())
                        .build());
        assertThat(created.getCode()).isZero();
        return created.getData().getChatId();
    }

    private static Map<String, String> htmx(WebHttp web) {
        return Map.of("X-CSRF-Token", csrf(web), "HX-Request", "true");
    }

    private static byte[] png() {
        try {
            var image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
            image.setRGB(1, 1, 0x3370ff);
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static WebHttp signedIn(String name) {
        var web = new WebHttp(server);
        var reply = web.signIn(name + "@demo.larkspur.dev", demo.getProperty("web_password"));
        assertThat(reply.statusCode()).isEqualTo(302);
        return web;
    }

    private static String csrf(WebHttp web) {
        return WebHttp.csrfIn(web.get("/chats").body());
    }
}
