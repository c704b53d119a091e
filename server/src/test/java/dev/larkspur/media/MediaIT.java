package dev.larkspur.media;

import static dev.larkspur.media.MediaFixtures.header;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.GetFileReq;
import com.lark.oapi.service.im.v1.model.GetFileResp;
import com.lark.oapi.service.im.v1.model.GetImageReq;
import com.lark.oapi.service.im.v1.model.GetImageResp;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploading and downloading images and files with the official Java SDK: exact bytes back, content
 * type and file name, and each refusal with Feishu's code — on a server whose limits are a few
 * kilobytes, so that the limit rules are proven without large files.
 */
class MediaIT {
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

    private static Client client(Admin.AppCreds app) {
        return Sdk.client(server, app);
    }

    private static GetImageResp getImage(Client client, String key) throws Exception {
        return client.im().image().get(GetImageReq.newBuilder().imageKey(key).build());
    }

    private static GetFileResp getFile(Client client, String key) throws Exception {
        return client.im().file().get(GetFileReq.newBuilder().fileKey(key).build());
    }

    @Test
    void pngComesBackByteForByteAsImagePng() throws Exception {
        var client = client(fixtures.app());
        byte[] png = MediaFixtures.png();

        var upload = ok(fixtures.uploadImage(client, "message", png));
        var download = getImage(client, upload.getData().getImageKey());

        assertThat(upload.getData().getImageKey()).startsWith("img_v3_");
        assertThat(download.getRawResponse().getStatusCode()).isEqualTo(200);
        assertThat(download.getData().toByteArray()).isEqualTo(png);
        assertThat(header(download.getRawResponse(), "Content-Type")).isEqualTo("image/png");
    }

    @Test
    void pdfComesBackByteForByteWithItsNonAsciiFileName() throws Exception {
        var client = client(fixtures.app());
        byte[] pdf = MediaFixtures.pdf();

        String key = fixtures.fileKey(client, "pdf", "季度报告 Q1.pdf", null, pdf);
        var download = getFile(client, key);

        assertThat(key).startsWith("file_v3_");
        assertThat(download.getRawResponse().getStatusCode()).isEqualTo(200);
        assertThat(download.getData().toByteArray()).isEqualTo(pdf);
        assertThat(download.getFileName()).isEqualTo("季度报告 Q1.pdf");
        assertThat(header(download.getRawResponse(), "Content-Type")).isEqualTo("application/pdf");
        assertThat(header(download.getRawResponse(), "Content-Disposition"))
                .startsWith("attachment;")
                .contains("filename*=UTF-8''%E5%AD%A3%E5%BA%A6%E6%8A%A5%E5%91%8A%20Q1.pdf");
    }

    @Test
    void streamFileIsLabelledByItsExtension() throws Exception {
        var client = client(fixtures.app());
        byte[] text = "plain words".getBytes(StandardCharsets.UTF_8);

        var download = getFile(client, fixtures.fileKey(client, "stream", "notes.txt", null, text));

        assertThat(download.getData().toByteArray()).isEqualTo(text);
        assertThat(download.getFileName()).isEqualTo("notes.txt");
        assertThat(header(download.getRawResponse(), "Content-Disposition"))
                .isEqualTo("attachment; filename=\"notes.txt\"");
        assertThat(header(download.getRawResponse(), "Content-Type")).startsWith("text/plain");
    }

    @Test
    void refusesBytesThatAreNoImageFormat() throws Exception {
        var resp = fixtures.uploadImage(
                client(fixtures.app()), "message", "not an image".getBytes(StandardCharsets.UTF_8));

        assertThat(resp.getCode()).isEqualTo(234011);
        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(400);
    }

    @Test
    void refusesEmptyImagesAndFiles() throws Exception {
        var client = client(fixtures.app());

        assertThat(fixtures.uploadImage(client, "message", new byte[0]).getCode())
                .isEqualTo(234010);
        assertThat(fixtures.uploadFile(client, "stream", "empty.bin", null, new byte[0])
                        .getCode())
                .isEqualTo(234010);
    }

    @Test
    void refusesImagesAndFilesOverTheirLimit() throws Exception {
        var client = client(fixtures.app());
        byte[] png = MediaFixtures.png();

        byte[] bigImage = Arrays.copyOf(png, MediaFixtures.IMAGE_LIMIT + 1);
        byte[] bigFile = new byte[MediaFixtures.FILE_LIMIT + 1];

        assertThat(fixtures.uploadImage(client, "message", bigImage).getCode()).isEqualTo(234006);
        assertThat(fixtures.uploadFile(client, "stream", "big.bin", null, bigFile)
                        .getCode())
                .isEqualTo(234006);
        assertThat(fixtures.uploadImage(client, "message", Arrays.copyOf(png, MediaFixtures.IMAGE_LIMIT))
                        .getCode())
                .as("exactly at the limit")
                .isZero();
    }

    @Test
    void uploadOverTheContainerLimitIsAFeishuErrorNotAServerError() throws Exception {
        var resp = fixtures.uploadFile(
                client(fixtures.app()), "stream", "huge.bin", null, new byte[MediaFixtures.CONTAINER_LIMIT * 2]);

        assertThat(resp.getCode()).isEqualTo(234006);
        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(400);
    }

    @Test
    void refusesFilesWhoseBytesAreNotTheClaimedType() throws Exception {
        var client = client(fixtures.app());
        byte[] png = MediaFixtures.png();

        assertThat(fixtures.uploadFile(client, "pdf", "a.pdf", null, png).getCode())
                .isEqualTo(234001);
        assertThat(fixtures.uploadFile(client, "mp4", "a.mp4", null, png).getCode())
                .isEqualTo(234001);
        assertThat(fixtures.uploadFile(client, "opus", "a.opus", null, png).getCode())
                .isEqualTo(234001);
        assertThat(fixtures.uploadFile(client, "opus", "a.opus", 1500, MediaFixtures.opus())
                        .getCode())
                .isZero();
        assertThat(fixtures.uploadFile(client, "mp4", "a.mp4", 1500, MediaFixtures.mp4())
                        .getCode())
                .isZero();
    }

    @Test
    void refusesUnknownImageAndFileTypes() throws Exception {
        var client = client(fixtures.app());

        assertThat(fixtures.uploadImage(client, "sticker", MediaFixtures.png()).getCode())
                .isEqualTo(234001);
        assertThat(fixtures.uploadFile(client, "exe", "a.exe", null, MediaFixtures.pdf())
                        .getCode())
                .isEqualTo(234001);
    }

    @Test
    void uploadWithoutItsPartsIsAnInvalidParameter() {
        var app = fixtures.app();
        var http = server.http();
        String token = http.tenantToken(app.appId(), app.appSecret());

        var reply = http.post("/open-apis/im/v1/images", token, "{\"image_type\":\"message\"}");

        assertThat(reply.code()).isEqualTo(234001);
        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void refusesGifWiderThanTwoThousandPixels() throws Exception {
        var client = client(fixtures.app());

        assertThat(fixtures.uploadImage(client, "message", MediaFixtures.gif(2001, 1))
                        .getCode())
                .isEqualTo(234039);
        assertThat(fixtures.uploadImage(client, "message", MediaFixtures.gif(2000, 1))
                        .getCode())
                .isZero();
    }

    @Test
    void anotherAppCannotDownloadWhatAnAppUploaded() throws Exception {
        var owner = fixtures.app();
        var client = client(owner);
        String image = fixtures.imageKey(client, MediaFixtures.png());
        String file = fixtures.fileKey(client, "pdf", "a.pdf", null, MediaFixtures.pdf());
        var other = fixtures.sibling(owner, "Other");

        var imageReply = fixtures.download(other, "/open-apis/im/v1/images/" + image);
        var fileReply = fixtures.download(other, "/open-apis/im/v1/files/" + file);

        assertThat(imageReply.code()).isEqualTo(234008);
        assertThat(imageReply.status()).isEqualTo(400);
        assertThat(fileReply.code()).isEqualTo(234008);
        assertThat(fileReply.status()).isEqualTo(400);
    }

    @Test
    void unknownKeysAreNotFoundAndMalformedKeysInvalid() {
        var app = fixtures.app();
        String unknownImage = "img_v3_0000_00000000-0000-0000-0000-00000000000g";
        String unknownFile = "file_v3_0000_00000000-0000-0000-0000-00000000000g";

        assertThat(fixtures.download(app, "/open-apis/im/v1/images/" + unknownImage)
                        .code())
                .isEqualTo(234005);
        assertThat(fixtures.download(app, "/open-apis/im/v1/files/" + unknownFile)
                        .code())
                .isEqualTo(234005);
        assertThat(fixtures.download(app, "/open-apis/im/v1/images/nonsense").code())
                .isEqualTo(234001);
        assertThat(fixtures.download(app, "/open-apis/im/v1/files/nonsense").code())
                .isEqualTo(234001);
    }

    @Test
    void avatarImagesAreNotDownloadable() throws Exception {
        var app = fixtures.app();
        String avatar = ok(fixtures.uploadImage(client(app), "avatar", MediaFixtures.png()))
                .getData()
                .getImageKey();

        assertThat(fixtures.download(app, "/open-apis/im/v1/images/" + avatar).code())
                .isEqualTo(234001);
    }

    @Test
    void appWithoutBotAbilityCannotUpload() throws Exception {
        var tenant = server.admin().tenant("No Bot Co");
        var created = Admin.ok(server.admin()
                .call("POST", "/admin/v1/tenants/" + tenant + "/apps", Map.of("name", "Mute", "bot_enabled", false)));
        var app = new Admin.AppCreds(
                created.path("app_id").asText(), created.path("app_secret").asText(), tenant);

        assertThat(fixtures.uploadImage(client(app), "message", MediaFixtures.png())
                        .getCode())
                .isEqualTo(234007);
    }

    @Test
    void uploadNeedsAResourceScope() throws Exception {
        var tenant = server.admin().tenant("Scoped Co");
        var app = server.admin().app(tenant, "Reader", List.of("im:message"));

        var resp = fixtures.uploadImage(client(app), "message", MediaFixtures.png());

        assertThat(resp.getCode()).isEqualTo(99991672);
    }
}
