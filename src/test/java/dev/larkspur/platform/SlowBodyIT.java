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
 * open on 127.0.0.1, hold servlet threads only for the connection timeout, so /healthz and the Open
 * API answer once the stalled reads ahead of them are cut.
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
            // Not yet "a few seconds": with 200 servlet threads, 500 stalled bodies are cut in three
            // rounds of the 5 s timeout (about 19 s measured); before the timeout, each round took 60 s.
            assertThat(healthMillis).isLessThan(30_000);
            assertThat(apiMillis).isLessThan(30_000);
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

            // One timeout for the stalled read, one more while Tomcat tries to swallow the rest of the
            // declared body before closing (measured 10 s); before the setting it was 60 s and more.
            assertThat(heldMillis).isBetween(4_000L, 13_000L);
            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotContain(" 500 ");
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
