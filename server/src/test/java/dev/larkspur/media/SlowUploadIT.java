package dev.larkspur.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multipart bodies that stall (issue 13 item 3): an upload is read ahead without a servlet thread,
 * like any other body, so 500 stalled uploads held open on 127.0.0.1 leave /healthz and another
 * bot's image upload answering at once; a multipart body on a route that takes no upload is refused
 * before a byte of it is read.
 */
class SlowUploadIT {
    private static final int STALLED = 500;
    private static final String BOUNDARY = "larkspur-slow-upload";
    private static TestServer server;
    private static MediaFixtures fixtures;

    @BeforeAll
    static void start(@TempDir Path dir) {
        server = TestServer.start();
        fixtures = new MediaFixtures(server, dir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void stalledUploadsDoNotStarveHealthOrAnotherUpload() throws Exception {
        var client = Sdk.client(server, fixtures.app());
        // Once before: the token request and a warm upload path, so only the stalled ones are measured.
        assertThat(fixtures.uploadImage(client, "message", MediaFixtures.png()).getCode())
                .isZero();
        var sockets = new ArrayList<Socket>();
        try {
            for (int i = 0; i < STALLED; i++) {
                var socket = new Socket("127.0.0.1", port());
                sockets.add(socket);
                socket.getOutputStream().write(stalledUpload("/open-apis/im/v1/images", 100_000));
                socket.getOutputStream().flush();
            }
            long started = System.nanoTime();
            var health = server.http().get("/healthz", null);
            long healthMillis = millisSince(started);
            started = System.nanoTime();
            var upload = fixtures.uploadImage(client, "message", MediaFixtures.png());
            long uploadMillis = millisSince(started);
            System.out.printf(
                    "with %d stalled uploads: /healthz %d ms, SDK image upload %d ms%n",
                    STALLED, healthMillis, uploadMillis);

            assertThat(health.code()).isZero();
            assertThat(upload.getCode()).isZero();
            assertThat(upload.getData().getImageKey()).startsWith("img_");
            // Before, each stalled upload held a servlet thread for 5 s per silent read: 200 of them
            // took every thread, and both calls waited at least that long for the stalled ones to be cut.
            assertThat(healthMillis).isLessThan(3_000);
            assertThat(uploadMillis).isLessThan(5_000);
        } finally {
            closeAll(sockets);
        }
    }

    @Test
    void aMultipartBodyOnARouteWithoutUploadsIsRefusedBeforeItIsRead() throws Exception {
        try (var socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(stalledUpload("/open-apis/im/v1/messages?receive_id_type=chat_id", 1_000));
            long started = System.nanoTime();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long answeredMillis = millisSince(started);

            // Answered at once: not after the 5 s a stalled read would wait.
            assertThat(answeredMillis).isLessThan(3_000);
            assertThat(answer)
                    .startsWith("HTTP/1.1 400 ")
                    .contains("\"code\":99992402")
                    .contains("this endpoint takes no multipart body");
        }
    }

    @Test
    void aStalledUploadIsCutAfterTheConnectionTimeout() throws Exception {
        try (var socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(stalledUpload("/open-apis/im/v1/files", 1_000));
            long started = System.nanoTime();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long heldMillis = millisSince(started);

            assertThat(heldMillis).isBetween(4_000L, 9_000L);
            assertThat(answer)
                    .startsWith("HTTP/1.1 400 ")
                    .contains("\"code\":99992402")
                    .contains("the request body stalled");
        }
    }

    @Test
    void anUploadDeclaredOverTheContainerLimitIsRefusedWithoutReadingIt() throws Exception {
        try (var socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(stalledUpload("/open-apis/im/v1/files", 200L * 1024 * 1024));
            long started = System.nanoTime();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long answeredMillis = millisSince(started);

            assertThat(answeredMillis).isLessThan(3_000);
            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("\"code\":234006");
        }
    }

    /** The request line, headers and the start of an image part, out of a body of {@code length}. */
    private static byte[] stalledUpload(String path, long length) {
        return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t-unchecked\r\n"
                        + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                        + "Content-Length: " + length + "\r\n\r\n"
                        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image_type\"\r\n\r\n"
                        + "message\r\n--" + BOUNDARY + "\r\n"
                        + "Content-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n\u0089PNG")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int port() {
        return URI.create(server.baseUrl()).getPort();
    }

    private static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private static void closeAll(List<Socket> sockets) {
        for (var socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed by the server
            }
        }
    }
}
