package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.RawSocket;
import dev.larkspur.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests Tomcat refuses before any servlet runs get Feishu-style JSON, not its HTML page. */
class MalformedRequestIT {
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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/open-apis/im/v1/chats/%2F",
                "/open-apis/im/v1/chats/a%00b",
                "/open-apis/im/v1/chats/%C3%28",
                "/chats/%2F",
                "LONG"
            })
    void tomcatsOwnRefusalsAreJson(String path) {
        String target = path.equals("LONG") ? "/open-apis/im/v1/chats?x=" + "a".repeat(9_000) : path;

        var reply = RawSocket.send(server.baseUrl(), "GET", target, List.of(), new byte[0]);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.head().toLowerCase())
                .contains("content-type: application/json")
                .doesNotContain("text/html");
        assertThat(reply.code()).isEqualTo(99992402);
        assertThat(reply.body().path("msg").asText()).startsWith("Bad Request");
    }
}
