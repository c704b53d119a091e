package dev.larkspur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Page tokens a client crafts (issue 13 item 7, issue 16 item 3): each list answers its own
 * invalid-parameter error with HTTP 400, never a 500.
 */
class CraftedPageTokenIT {
    private static final List<String> CRAFTED = List.of(
            b64("p1:::::"),
            b64("p2:::::"),
            b64("p2:c"),
            b64("p2:m:0:x"),
            b64("p2:s:0:1:2:3"),
            b64("p2:c:1234:1"), // right shape, another query's hash
            b64("p1:42"),
            "not base64!",
            "%%%",
            "A",
            b64("\u0000"));
    private static TestServer server;
    private static ChatFixtures fx;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fx = new ChatFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void chatListRefusesCraftedTokens() {
        var org = fx.org();
        for (String token : CRAFTED) {
            for (String sort : List.of("ByCreateTimeAsc", "ByActiveTimeDesc")) {
                assertRefused(org, "/open-apis/im/v1/chats?sort_type=" + sort + "&page_token=" + q(token));
            }
        }
    }

    @Test
    void chatSearchRefusesCraftedTokens() {
        var org = fx.org();
        for (String token : CRAFTED) {
            assertRefused(org, "/open-apis/im/v1/chats/search?query=a&page_token=" + q(token));
        }
    }

    @Test
    void memberListRefusesCraftedTokens() throws Exception {
        var org = fx.org();
        String chatId = org.chat("Paged", org.person("Ann"));
        for (String token : CRAFTED) {
            assertRefused(org, "/open-apis/im/v1/chats/" + chatId + "/members?page_token=" + q(token));
        }
    }

    private static void assertRefused(ChatFixtures.Org org, String path) {
        var reply = org.rawGet(path);
        assertThat(reply.status()).as(path).isEqualTo(400);
        assertThat(reply.code()).as(path).isEqualTo(232001);
        assertThat(reply.body().path("msg").asText()).as(path).contains("page_token");
    }
}
