package dev.larkspur.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larkspur.support.RawHttp;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Expired codes and refresh tokens are deleted by a periodic sweep, a day after they expire: until
 * then a late redemption hears "expired", afterwards the code is simply unknown ("invalid").
 */
class OAuthSweepIT {
    private static final String PATH = "/open-apis/authen/v2/oauth/token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("larkspur.oauth.sweep-interval", "100ms"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void expiredCodesAndRefreshTokensAreSweptADayAfterTheyExpire() {
        var flow = OAuthFlow.create(server, "Sweep");
        String code = flow.code("offline_access im:chat");
        String refresh = post(Map.of(
                        "grant_type", "authorization_code",
                        "client_id", flow.app.appId(),
                        "client_secret", flow.app.appSecret(),
                        "code", flow.code("offline_access im:chat"),
                        "redirect_uri", OAuthFlow.REDIRECT_URI))
                .body()
                .path("refresh_token")
                .asText();
        assertThat(refresh).startsWith("ur-");

        // A code lives five minutes: expired, then a day later swept.
        server.clock().advance(Duration.ofMinutes(6));
        assertThat(redeem(flow, code).code()).as("expired").isEqualTo(20004);
        server.clock().advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> redeem(flow, code).code() == 20003);

        // A refresh token lives thirty days: the same.
        server.clock().advance(Duration.ofDays(29));
        assertThat(refresh(flow, refresh).code()).as("expired").isEqualTo(20037);
        server.clock().advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> refresh(flow, refresh).code() == 20026);
    }

    private static RawHttp.Reply redeem(OAuthFlow flow, String code) {
        return post(Map.of(
                "grant_type",
                "authorization_code",
                "client_id",
                flow.app.appId(),
                "client_secret",
                flow.app.appSecret(),
                "code",
                code,
                "redirect_uri",
                OAuthFlow.REDIRECT_URI));
    }

    private static RawHttp.Reply refresh(OAuthFlow flow, String refreshToken) {
        return post(Map.of(
                "grant_type",
                "refresh_token",
                "client_id",
                flow.app.appId(),
                "client_secret",
                flow.app.appSecret(),
                "refresh_token",
                refreshToken));
    }

    private static RawHttp.Reply post(Map<String, Object> body) {
        return server.http().post(PATH, null, JSON.writeValueAsString(body));
    }
}
