package dev.larkspur.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.support.Admin;
import dev.larkspur.support.RawSocket;
import dev.larkspur.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wrong app secrets are unauthenticated PBKDF2 work, so they are limited per address and per app,
 * and a secret that verified once is not derived again (issue 13 item 13). Each test calls from its
 * own loopback address, so their limits do not meet.
 */
class SecretChecksIT {
    private static final String TOKEN = "/open-apis/auth/v3/tenant_access_token/internal";
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

    private static Admin.AppCreds app() {
        var admin = server.admin();
        return admin.app(admin.tenant("Secrets Co"), "Bot");
    }

    private static RawSocket.Reply token(String from, String appId, String secret) {
        String body = "{\"app_id\":\"" + appId + "\",\"app_secret\":\"" + secret + "\"}";
        return RawSocket.sendFrom(
                from,
                server.baseUrl(),
                "POST",
                TOKEN,
                List.of("Content-Type: application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAddressOverItsWrongSecretLimitIsRefusedUntilTheMinuteRefills() {
        var app = app();
        for (int i = 0; i < server.bean(WrongSecretLimits.class).perAddress(); i++) {
            assertThat(token("127.0.0.2", app.appId(), "wrong-secret").code()).isEqualTo(10014);
        }
        long derived = server.bean(SecretChecks.class).derivations();

        var limited = token("127.0.0.2", app.appId(), "wrong-secret");
        var rightButLimited = token("127.0.0.2", app.appId(), app.appSecret());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo(FeishuErrors.RATE_LIMITED);
        assertThat(rightButLimited.code()).isEqualTo(FeishuErrors.RATE_LIMITED);
        assertThat(server.bean(SecretChecks.class).derivations())
                .as("refused without deriving")
                .isEqualTo(derived);
        // The owner calling from another address is not locked out.
        assertThat(token("127.0.0.3", app.appId(), app.appSecret()).code()).isZero();

        server.clock().advance(Duration.ofSeconds(61));
        assertThat(token("127.0.0.2", app.appId(), app.appSecret()).code()).isZero();
    }

    @Test
    void theLimitsAreSettings() {
        var limits = server.bean(WrongSecretLimits.class);
        assertThat(limits).isEqualTo(new WrongSecretLimits(10, 60));
        try (var strict = TestServer.start(Map.of("larkspur.auth.wrong-secrets.per-address", "2"))) {
            var admin = strict.admin();
            var app = admin.app(admin.tenant("Strict Co"), "Bot");
            String body = "{\"app_id\":\"" + app.appId() + "\",\"app_secret\":\"wrong\"}";
            var codes = new java.util.ArrayList<Integer>();
            for (int i = 0; i < 3; i++) {
                codes.add(RawSocket.sendFrom(
                                "127.0.0.5",
                                strict.baseUrl(),
                                "POST",
                                TOKEN,
                                List.of("Content-Type: application/json"),
                                body.getBytes(StandardCharsets.UTF_8))
                        .code());
            }
            assertThat(codes).containsExactly(10014, 10014, FeishuErrors.RATE_LIMITED);
        }
    }

    @Test
    void aVerifiedSecretIsNotDerivedAgainUntilItIsReset() {
        var app = app();
        var checks = server.bean(SecretChecks.class);
        assertThat(token("127.0.0.4", app.appId(), app.appSecret()).code()).isZero();
        long afterFirst = checks.derivations();

        assertThat(token("127.0.0.4", app.appId(), app.appSecret()).code()).isZero();
        assertThat(checks.derivations()).isEqualTo(afterFirst);

        var reset = Admin.ok(server.admin().call("POST", "/admin/v1/apps/" + app.appId() + "/secret", null));
        assertThat(token("127.0.0.4", app.appId(), app.appSecret()).code())
                .as("the old secret after a reset")
                .isEqualTo(10014);
        assertThat(token("127.0.0.4", app.appId(), reset.path("app_secret").asText())
                        .code())
                .isZero();
    }
}
