package dev.larkspur.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.GetImageReq;
import dev.larkspur.support.Admin;
import dev.larkspur.support.NodeSdk;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official Node SDK ({@code src/test/node/upload-check.js}) uploads an image held in a Buffer,
 * the usual way to upload bytes already in memory; its multipart part has no filename (issue 10).
 * Skipped without {@code node} and {@code npm ci --prefix src/test/node}, except in CI
 * ({@code LARKSPUR_REQUIRE_NODE=true}), like {@code NodeSdkIT}.
 */
class NodeSdkUploadIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestServer server;

    @BeforeAll
    static void start() {
        NodeSdk.assumeInstalled();
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void nodeSdkUploadsAnImageFromABuffer(@TempDir Path dir) throws Exception {
        var app = server.admin().app(server.admin().tenant("Node Buffer Co"), "Uploader");
        byte[] png = MediaFixtures.png();
        Path image = Files.write(dir.resolve("image.png"), png);

        var line = runUploadCheck(app, image);

        assertThat(line.path("kind").asString()).as(line.toString()).isEqualTo("image");
        String key = line.path("data").path("image_key").asString();
        assertThat(key).startsWith("img_v3_");
        var download = Sdk.client(server, app)
                .im()
                .image()
                .get(GetImageReq.newBuilder().imageKey(key).build());
        assertThat(download.getData().toByteArray()).isEqualTo(png);
    }

    /** Runs the script to its end (bounded to 60 s) and returns its one JSON line. */
    private static JsonNode runUploadCheck(Admin.AppCreds app, Path image) throws Exception {
        var process = new ProcessBuilder(
                        "node",
                        "upload-check.js",
                        server.baseUrl(),
                        app.appId(),
                        app.appSecret(),
                        image.toAbsolutePath().toString())
                .directory(NodeSdk.DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the Node SDK upload did not finish within 60 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines()
                .filter(l -> l.startsWith("{"))
                .reduce((first, second) -> second)
                .map(JSON::readTree)
                .orElseThrow(() -> new AssertionError("the Node SDK printed no result: " + out));
    }
}
