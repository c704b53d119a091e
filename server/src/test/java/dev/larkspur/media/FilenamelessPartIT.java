package dev.larkspur.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.GetFileReq;
import com.lark.oapi.service.im.v1.model.GetImageReq;
import dev.larkspur.support.Admin;
import dev.larkspur.support.RawSocket;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upload parts without a filename (issue 10): lark-oapi's synchronous image and file calls send
 * {@code Content-Disposition: form-data; name="image"} and nothing more, and the Node SDK uploading
 * a Buffer adds only {@code Content-Type: application/octet-stream}. Feishu stores the bytes either
 * way; a file's name comes from its {@code file_name} field. The server runs with the default
 * limits, so that a large part without a filename is proven too.
 */
class FilenamelessPartIT {
    private static final String BOUNDARY = "a1b2c3d4e5f6larkspur";
    private static TestServer server;
    private static Admin.AppCreds app;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        app = server.admin().app(server.admin().tenant("Buffer Co"), "Uploader");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One form part: a field when {@code bytes} is text, an upload when it is not; never a filename. */
    private record FormPart(String name, String contentType, byte[] bytes) {
        static FormPart field(String name, String value) {
            return new FormPart(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static RawSocket.Reply upload(String path, FormPart... parts) {
        var body = new ByteArrayOutputStream();
        for (var part : parts) {
            var head = new StringBuilder("--" + BOUNDARY + "\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(part.name())
                    .append("\"\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            body.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String token = server.http().tenantToken(app.appId(), app.appSecret());
        return RawSocket.send(
                server.baseUrl(),
                "POST",
                path,
                List.of(
                        "Authorization: Bearer " + token,
                        "Content-Type: multipart/form-data; boundary=" + BOUNDARY,
                        "User-Agent: oapi-sdk-python/v1.3.5"),
                body.toByteArray());
    }

    private static Client client() {
        return Sdk.client(server, app);
    }

    @Test
    void imagePartWithoutFilenameOrTypeIsStored() throws Exception {
        byte[] png = MediaFixtures.png();

        var reply = upload(
                "/open-apis/im/v1/images", FormPart.field("image_type", "message"), new FormPart("image", null, png));

        assertThat(reply.code()).as(reply.body().toString()).isZero();
        String key = reply.data().path("image_key").asString();
        assertThat(key).startsWith("img_v3_");
        var download =
                client().im().image().get(GetImageReq.newBuilder().imageKey(key).build());
        assertThat(download.getData().toByteArray()).isEqualTo(png);
    }

    @Test
    void filePartWithoutFilenameIsNamedByItsFileNameField() throws Exception {
        byte[] pdf = MediaFixtures.pdf();

        var reply = upload(
                "/open-apis/im/v1/files",
                FormPart.field("file_type", "pdf"),
                FormPart.field("file_name", "报告.pdf"),
                new FormPart("file", "application/octet-stream", pdf));

        assertThat(reply.code()).as(reply.body().toString()).isZero();
        String key = reply.data().path("file_key").asString();
        var download =
                client().im().file().get(GetFileReq.newBuilder().fileKey(key).build());
        assertThat(download.getData().toByteArray()).isEqualTo(pdf);
        assertThat(download.getFileName()).isEqualTo("报告.pdf");
    }

    @Test
    void imageOfNearlyTenMegabytesWithoutFilenameIsStored() throws Exception {
        // Tomcat counts a part without a filename as a form parameter (2 MB by default): the PNG is
        // padded after its end so that only the size differs from a small one.
        byte[] png = MediaFixtures.png();
        byte[] large = Arrays.copyOf(png, 10_000_000);

        var reply = upload(
                "/open-apis/im/v1/images",
                FormPart.field("image_type", "message"),
                new FormPart("image", "application/octet-stream", large));

        assertThat(reply.code()).as(reply.body().toString()).isZero();
        String key = reply.data().path("image_key").asString();
        var download =
                client().im().image().get(GetImageReq.newBuilder().imageKey(key).build());
        assertThat(download.getData().toByteArray()).isEqualTo(large);
    }

    @Test
    void missingImagePartIsStillInvalid() {
        var reply = upload("/open-apis/im/v1/images", FormPart.field("image_type", "message"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(234001);
    }
}
