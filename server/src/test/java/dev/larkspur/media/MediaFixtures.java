package dev.larkspur.media;

import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.core.response.RawResponse;
import com.lark.oapi.service.im.v1.model.CreateFileReq;
import com.lark.oapi.service.im.v1.model.CreateFileReqBody;
import com.lark.oapi.service.im.v1.model.CreateFileResp;
import com.lark.oapi.service.im.v1.model.CreateImageReq;
import com.lark.oapi.service.im.v1.model.CreateImageReqBody;
import com.lark.oapi.service.im.v1.model.CreateImageResp;
import dev.larkspur.support.Admin;
import dev.larkspur.support.RawHttp;
import dev.larkspur.support.TestServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Small, valid sample files made on the spot, and the SDK upload calls the media tests repeat. The
 * server under test runs with tiny limits ({@link #LIMITS}), so that limits are proven with files
 * of a few kilobytes.
 */
final class MediaFixtures {
    static final int IMAGE_LIMIT = 16 * 1024;
    static final int FILE_LIMIT = 24 * 1024;
    static final int CONTAINER_LIMIT = 64 * 1024;
    static final Map<String, Object> LIMITS = Map.of(
            "larkspur.media.image-max-size", IMAGE_LIMIT + "B",
            "larkspur.media.file-max-size", FILE_LIMIT + "B",
            "spring.servlet.multipart.max-file-size", CONTAINER_LIMIT + "B",
            "spring.servlet.multipart.max-request-size", (CONTAINER_LIMIT + 4096) + "B");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final TestServer server;
    private final Path dir;

    MediaFixtures(TestServer server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    /** A new tenant and its first app, with the default scopes. */
    Admin.AppCreds app() {
        String tenant = server.admin().tenant("Media Co " + SEQUENCE.incrementAndGet());
        return server.admin().app(tenant, "Uploader");
    }

    /** Another app of the same tenant as {@code app}. */
    Admin.AppCreds sibling(Admin.AppCreds app, String name) {
        return server.admin().app(app.tenantKey(), name);
    }

    static byte[] png() {
        var image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 7; x++) {
            for (int y = 0; y < 5; y++) {
                image.setRGB(x, y, new Color(x * 30, y * 50, 200).getRGB());
            }
        }
        return encode(image, "png");
    }

    static byte[] gif(int width, int height) {
        return encode(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED), "gif");
    }

    /** A one-page PDF with a correct cross-reference table. */
    static byte[] pdf() {
        var objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
        var out = new StringBuilder("%PDF-1.4\n");
        var offsets = new ArrayList<Integer>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> out.append(String.format("%010d 00000 n \n", offset)));
        out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\n");
        out.append("startxref\n").append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The first page of an Ogg Opus stream: enough for a format check. */
    static byte[] opus() {
        var page = new byte[47];
        System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, page, 0, 4);
        page[5] = 2; // beginning of stream
        page[26] = 1; // one segment
        page[27] = 19; // of 19 bytes: the OpusHead packet
        System.arraycopy("OpusHead".getBytes(StandardCharsets.US_ASCII), 0, page, 28, 8);
        page[36] = 1; // version
        page[37] = 1; // one channel
        return page;
    }

    /** An MP4 file type box and an empty media data box. */
    static byte[] mp4() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 24});
        out.writeBytes("ftypisom\0\0\2\0isomiso2".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0, 0, 0, 8});
        out.writeBytes("mdat".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    File file(byte[] bytes) {
        try {
            return Files.write(dir.resolve("sample-" + SEQUENCE.incrementAndGet()), bytes)
                    .toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CreateImageResp uploadImage(Client client, String imageType, byte[] bytes) throws Exception {
        return client.im()
                .image()
                .create(CreateImageReq.newBuilder()
                        .createImageReqBody(CreateImageReqBody.newBuilder()
                                .imageType(imageType)
                                .image(file(bytes))
                                .build())
                        .build());
    }

    String imageKey(Client client, byte[] bytes) throws Exception {
        return ok(uploadImage(client, "message", bytes)).getData().getImageKey();
    }

    CreateFileResp uploadFile(Client client, String fileType, String fileName, Integer duration, byte[] bytes)
            throws Exception {
        var body = CreateFileReqBody.newBuilder()
                .fileType(fileType)
                .fileName(fileName)
                .file(file(bytes));
        if (duration != null) {
            body.duration(duration);
        }
        return client.im()
                .file()
                .create(CreateFileReq.newBuilder()
                        .createFileReqBody(body.build())
                        .build());
    }

    String fileKey(Client client, String fileType, String fileName, Integer duration, byte[] bytes) throws Exception {
        return ok(uploadFile(client, fileType, fileName, duration, bytes))
                .getData()
                .getFileKey();
    }

    /**
     * A download's error answer over plain HTTP. The Java SDK 2.5.3 cannot read error bodies of
     * download endpoints on Java 16+: Gson reflects into the {@code ByteArrayOutputStream} data
     * type and fails (larksuite/oapi-sdk-java#171), whatever the server sends.
     */
    RawHttp.Reply download(Admin.AppCreds app, String path) {
        var http = server.http();
        return http.get(path, http.tenantToken(app.appId(), app.appSecret()));
    }

    /** A response header by name, in whatever case the transport keeps it. */
    static String header(RawResponse raw, String name) {
        return raw.getHeaders().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    private static byte[] encode(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, out)).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
