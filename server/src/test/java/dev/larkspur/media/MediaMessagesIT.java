package dev.larkspur.media;

import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageResp;
import com.lark.oapi.service.im.v1.model.GetMessageResourceReq;
import com.lark.oapi.service.im.v1.model.GetMessageResourceResp;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Images and files in messages: a key must be the sender's own upload, the receive format shows
 * file names and durations, and a bot downloads the resources of messages it can see.
 */
class MediaMessagesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestServer server;
    private static MediaFixtures fixtures;

    @BeforeAll
    static void start(@TempDir Path dir) {
        server = TestServer.start(MediaFixtures.LIMITS);
        fixtures = new MediaFixtures(server, dir);
    }

    @AfterAll
    static void stop() {
        if (server != null) { // null when the PostgreSQL pass is skipped
            server.close();
        }
    }

    /** Two bots of one tenant in a group the first created, and a third bot outside it. */
    private record Group(
            Client sender, Client member, Admin.AppCreds memberApp, Admin.AppCreds outsiderApp, String chatId) {
        String resourcePath(String messageId, String key, String type) {
            return "/open-apis/im/v1/messages/" + messageId + "/resources/" + key + "?type=" + type;
        }
    }

    private static Group group() throws Exception {
        var senderApp = fixtures.app();
        var memberApp = fixtures.sibling(senderApp, "Member");
        var outsiderApp = fixtures.sibling(senderApp, "Outsider");
        var sender = Sdk.client(server, senderApp);
        var chat = ok(sender.im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name("Media")
                                .botIdList(new String[] {memberApp.appId()})
                                .build())
                        .build()));
        return new Group(
                sender,
                Sdk.client(server, memberApp),
                memberApp,
                outsiderApp,
                chat.getData().getChatId());
    }

    private static CreateMessageResp send(Client client, String chatId, String msgType, Map<String, ?> content)
            throws Exception {
        return client.im()
                .message()
                .create(CreateMessageReq.newBuilder()
                        .receiveIdType("chat_id")
                        .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                .receiveId(chatId)
                                .msgType(msgType)
                                .content(JSON.writeValueAsString(content))
                                .build())
                        .build());
    }

    private static JsonNode sentContent(CreateMessageResp resp) {
        return JSON.readTree(ok(resp).getData().getBody().getContent());
    }

    private static GetMessageResourceResp resource(Client client, String messageId, String key, String type)
            throws Exception {
        return client.im()
                .messageResource()
                .get(GetMessageResourceReq.newBuilder()
                        .messageId(messageId)
                        .fileKey(key)
                        .type(type)
                        .build());
    }

    @Test
    void imageMessageWithAnotherAppsImageIsRefused() throws Exception {
        var g = group();
        String foreign = fixtures.imageKey(g.member(), MediaFixtures.png());

        var resp = send(g.sender(), g.chatId(), "image", Map.of("image_key", foreign));

        assertThat(resp.getCode()).isEqualTo(230017);
    }

    @Test
    void imageKeyNeverIssuedIsAnInvalidParameter() throws Exception {
        var g = group();

        var resp = send(g.sender(), g.chatId(), "image", Map.of("image_key", "img_v3_nothing"));

        assertThat(resp.getCode()).isEqualTo(230001);
        assertThat(resp.getMsg()).endsWith("ext=invalid image_key");
    }

    @Test
    void postWithAnotherAppsImageIsRefused() throws Exception {
        var g = group();
        String foreign = fixtures.imageKey(g.member(), MediaFixtures.png());
        var post = Map.of(
                "zh_cn",
                Map.of("title", "t", "content", new Object[][] {{Map.of("tag", "img", "image_key", foreign)}}));

        assertThat(send(g.sender(), g.chatId(), "post", post).getCode()).isEqualTo(230017);
    }

    @Test
    void receiveFormatShowsFileNameAndDuration() throws Exception {
        var g = group();
        var c = g.sender();
        String pdf = fixtures.fileKey(c, "pdf", "plan.pdf", null, MediaFixtures.pdf());
        String opus = fixtures.fileKey(c, "opus", "voice.opus", 2000, MediaFixtures.opus());
        String mp4 = fixtures.fileKey(c, "mp4", "测试视频.mp4", 3000, MediaFixtures.mp4());
        String cover = fixtures.imageKey(c, MediaFixtures.png());

        var file = sentContent(send(c, g.chatId(), "file", Map.of("file_key", pdf)));
        var audio = sentContent(send(c, g.chatId(), "audio", Map.of("file_key", opus)));
        var media = sentContent(send(c, g.chatId(), "media", Map.of("file_key", mp4, "image_key", cover)));

        assertThat(file).isEqualTo(JSON.readTree("{\"file_key\":\"" + pdf + "\",\"file_name\":\"plan.pdf\"}"));
        assertThat(audio).isEqualTo(JSON.readTree("{\"file_key\":\"" + opus + "\",\"duration\":2000}"));
        assertThat(JSON.writeValueAsString(media))
                .isEqualTo("{\"file_key\":\"" + mp4 + "\",\"image_key\":\"" + cover
                        + "\",\"file_name\":\"测试视频.mp4\",\"duration\":3000}");
    }

    @Test
    void videoMustBeSentAsMedia() throws Exception {
        var g = group();
        String mp4 = fixtures.fileKey(g.sender(), "mp4", "clip.mp4", null, MediaFixtures.mp4());

        assertThat(send(g.sender(), g.chatId(), "file", Map.of("file_key", mp4)).getCode())
                .isEqualTo(230055);
    }

    @Test
    void botInTheChatDownloadsTheResourcesOfAMessage() throws Exception {
        var g = group();
        byte[] png = MediaFixtures.png();
        byte[] pdf = MediaFixtures.pdf();
        String image = fixtures.imageKey(g.sender(), png);
        String file = fixtures.fileKey(g.sender(), "pdf", "会议纪要.pdf", null, pdf);
        String imageMessage = ok(send(g.sender(), g.chatId(), "image", Map.of("image_key", image)))
                .getData()
                .getMessageId();
        String fileMessage = ok(send(g.sender(), g.chatId(), "file", Map.of("file_key", file)))
                .getData()
                .getMessageId();

        var gotImage = resource(g.member(), imageMessage, image, "image");
        var gotFile = resource(g.member(), fileMessage, file, "file");

        assertThat(gotImage.getRawResponse().getStatusCode()).isEqualTo(200);
        assertThat(gotImage.getData().toByteArray()).isEqualTo(png);
        assertThat(gotFile.getData().toByteArray()).isEqualTo(pdf);
        assertThat(gotFile.getFileName()).isEqualTo("会议纪要.pdf");
    }

    @Test
    void botOutsideTheChatCannotDownloadItsResources() throws Exception {
        var g = group();
        String image = fixtures.imageKey(g.sender(), MediaFixtures.png());
        String message = ok(send(g.sender(), g.chatId(), "image", Map.of("image_key", image)))
                .getData()
                .getMessageId();

        var reply = fixtures.download(g.outsiderApp(), g.resourcePath(message, image, "image"));

        assertThat(reply.code()).isEqualTo(234004);
        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void keyThatIsNotInTheMessageIsRefused() throws Exception {
        var g = group();
        String image = fixtures.imageKey(g.sender(), MediaFixtures.png());
        String other = fixtures.imageKey(g.sender(), MediaFixtures.png());
        String message = ok(send(g.sender(), g.chatId(), "image", Map.of("image_key", image)))
                .getData()
                .getMessageId();

        assertThat(fixtures.download(g.memberApp(), g.resourcePath(message, other, "image"))
                        .code())
                .isEqualTo(234003);
        assertThat(fixtures.download(g.memberApp(), g.resourcePath(message, image, "file"))
                        .code())
                .isEqualTo(234001);
    }

    @Test
    void postImagesAndVideoCoversAreDownloadableAsImages() throws Exception {
        var g = group();
        byte[] png = MediaFixtures.png();
        String image = fixtures.imageKey(g.sender(), png);
        String mp4 = fixtures.fileKey(g.sender(), "mp4", "clip.mp4", null, MediaFixtures.mp4());
        var post = Map.of("zh_cn", Map.of("title", "t", "content", new Object[][] {
            {Map.of("tag", "img", "image_key", image)}, {Map.of("tag", "media", "file_key", mp4)}
        }));
        String message =
                ok(send(g.sender(), g.chatId(), "post", post)).getData().getMessageId();

        assertThat(resource(g.member(), message, image, "image").getData().toByteArray())
                .isEqualTo(png);
        assertThat(resource(g.member(), message, mp4, "file").getData().toByteArray())
                .isEqualTo(MediaFixtures.mp4());
    }
}
