package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unauthenticated clients that send part of a body and stall (issue 13 item 3): 500 of them, held
 * open on 127.0.0.1, hold no servlet thread, since bodies are read without one, so /healthz and the
 * Open API answer at once; a stalled body is cut at the connection timeout and a trickling one at the
 * body timeout, each with a JSON answer.
 */
class SlowBodyIT {
    private static final int STALLED = 500;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void stalledBodiesDoNotStarveHealthOrTheOpenApi() throws Exception {
        int port = URI.create(server.baseUrl()).getPort();
        var sockets = new ArrayList<Socket>();
        try {
            for (int i = 0; i < STALLED; i++) {
                var socket = new Socket("127.0.0.1", port);
                sockets.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /open-apis/auth/v3/tenant_access_token/internal HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"app_id\":\"cli_")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            long started = System.nanoTime();
            var health = server.http().get("/healthz", null);
            long healthMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            started = System.nanoTime();
            var token = server.http()
                    .post(
                            "/open-apis/auth/v3/tenant_access_token/internal",
                            null,
                            "{\"app_id\":\"cli_0000000000000000\",\"app_secret\":\"x\"}");
            long apiMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.printf(
                    "with %d stalled bodies: /healthz %d ms, token API %d ms%n", STALLED, healthMillis, apiMillis);

            assertThat(health.code()).isZero();
            assertThat(token.status()).isLessThan(500);
            // Bodies are read without a servlet thread, so none is held by a stalled one; before, with
            // blocking reads, 200 threads were held and /healthz took about 19 s.
            assertThat(healthMillis).isLessThan(3_000);
            assertThat(apiMillis).isLessThan(3_000);
        } finally {
            closeAll(sockets);
        }
    }

    @Test
    void aStalledBodyIsCutAfterTheConnectionTimeout() throws Exception {
        int port = URI.create(server.baseUrl()).getPort();
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("POST /open-apis/auth/v3/tenant_access_token/internal HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"app_id\"")
                            .getBytes(StandardCharsets.ISO_8859_1));
            long started = System.nanoTime();
            byte[] answer = socket.getInputStream().readAllBytes();
            long heldMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

            // The connection timeout (5 s) for the stalled read, then the JSON answer and the close.
            assertThat(heldMillis).isBetween(4_000L, 9_000L);
            assertThat(new String(answer, StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 400 ")
                    .contains("\"code\":10003")
                    .contains("the request body stalled");
        }
    }

    @Test
    void aBodyThatTricklesIsCutAtTheBodyTimeout() throws Exception {
        int port = URI.create(server.baseUrl()).getPort();
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /open-apis/im/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            long started = System.nanoTime();
            // One byte a second never trips the 5 s per-read timeout; only the 10 s bound on the whole
            // body ends it. The loop stops at 20 bytes or once the server has closed.
            try {
                for (int i = 0; i < 20; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(1_000);
                }
            } catch (IOException closed) {
                // the server answered and closed the connection
            }
            byte[] answer = socket.getInputStream().readAllBytes();
            long heldMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

            assertThat(heldMillis).isBetween(9_000L, 21_000L);
            assertThat(new String(answer, StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 400 ")
                    .contains("\"code\":99992402")
                    .contains("did not arrive within 10000 ms");
        }
    }

    @Test
    void aBodySentInPiecesIsAnsweredAsAWholeOne() throws Exception {
        int port = URI.create(server.baseUrl()).getPort();
        String body = "{\"app_id\":\"cli_0000000000000000\",\"app_secret\":\"x\"}";
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /open-apis/auth/v3/tenant_access_token/internal HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
                            + body.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < body.length(); i += 10) {
                out.write(body.substring(i, Math.min(body.length(), i + 10)).getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(200);
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            // The unknown app's own answer, so the whole body reached the endpoint.
            assertThat(answer).contains("\"code\":10003").contains("app_id not found");
        }
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
