package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.contact.v3.model.BatchGetIdUserReq;
import com.lark.oapi.service.contact.v3.model.BatchGetIdUserReqBody;
import dev.larkspur.support.Admin;
import dev.larkspur.support.RawHttp;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every Feishu endpoint shares: log id headers, parameter errors for bad bodies instead of
 * 500s, the answers for Feishu APIs Larkspur does not serve and for paths Feishu does not have,
 * and per-app rate limits.
 */
class PlatformIT {
    private static final String BOT_INFO = "/open-apis/bot/v3/info";
    private static final String BATCH_GET_ID = "/open-apis/contact/v3/users/batch_get_id";
    /** Feishu's log id shape, as Larkspur makes it: a timestamp to the second, then upper-case hex. */
    private static final String LOG_ID = "\\d{14}[0-9A-F]{20}";

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

    private static String newTenantToken() {
        return tokenOf(server, newApp(server));
    }

    private static Admin.AppCreds newApp(TestServer on) {
        return on.admin().app(on.admin().tenant("Platform Co"), "Bot");
    }

    private static String tokenOf(TestServer on, Admin.AppCreds app) {
        return on.http().tenantToken(app.appId(), app.appSecret());
    }

    private static void assertLogIdHeaders(RawHttp.Reply reply) {
        assertThat(reply.headers().get("x-tt-logid")).matches(LOG_ID);
        assertThat(reply.headers().get("x-request-id"))
                .isEqualTo(reply.headers().get("x-tt-logid"));
    }

    @Test
    void successCarriesTheSameLogIdInBothHeaders() {
        var reply = server.http().get(BOT_INFO, newTenantToken());

        assertThat(reply.code()).isZero();
        assertLogIdHeaders(reply);
    }

    @Test
    void errorCarriesItsLogIdInBothHeadersAndInTheBody() {
        var reply = server.http().get(BOT_INFO, null);

        assertThat(reply.status()).isEqualTo(400);
        assertLogIdHeaders(reply);
        assertThat(reply.body().path("error").path("log_id").asText())
                .isEqualTo(reply.headers().get("x-tt-logid"));
    }

    @Test
    void notFoundCarriesItsLogIdInBothHeadersAndInTheBody() {
        var reply = server.http().get("/open-apis/nope/v1/x", null);

        assertThat(reply.status()).isEqualTo(404);
        assertLogIdHeaders(reply);
        assertThat(reply.body().path("error").path("log_id").asText())
                .isEqualTo(reply.headers().get("x-tt-logid"));
    }

    @Test
    void eachResponseHasItsOwnLogId() {
        String token = newTenantToken();

        var first = server.http().get(BOT_INFO, token);
        var second = server.http().get(BOT_INFO, token);

        assertThat(first.headers().get("x-tt-logid"))
                .isNotEqualTo(second.headers().get("x-tt-logid"));
    }

    @Test
    void sdkReportsTheLogIdAsRequestId() throws Exception {
        var app = server.admin().app(server.admin().tenant("Platform Co"), "Narrow", List.of("im:chat"));
        var client = Sdk.client(server, app);
        var request = BatchGetIdUserReq.newBuilder()
                .batchGetIdUserReqBody(BatchGetIdUserReqBody.newBuilder()
                        .emails(new String[] {"a@platform.test"})
                        .build())
                .build();

        var resp = client.contact().user().batchGetId(request);

        assertThat(resp.getCode()).isEqualTo(99991672);
        assertThat(resp.getRequestId())
                .matches(LOG_ID)
                .isEqualTo(resp.getError().getLogId());
    }

    @Test
    void malformedJsonIsAParameterError() {
        var reply = server.http().post(BATCH_GET_ID, newTenantToken(), "{\"emails\":[\"a@platform.test\"");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(99992402);
    }

    @Test
    void wrongJsonTypesAreAParameterError() {
        String token = newTenantToken();

        for (String body : List.of("{\"emails\":5}", "{\"emails\":[{}]}", "{\"include_resigned\":[]}", "[]", "7")) {
            var reply = server.http().post(BATCH_GET_ID, token, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.code()).as(body).isEqualTo(99992402);
        }
    }

    @Test
    void emptyBodyMissingBodyAndEmptyObjectAreAccepted() {
        String token = newTenantToken();

        for (String body : new String[] {"", null, "{}"}) {
            var reply = server.http().post(BATCH_GET_ID, token, body);
            assertThat(reply.status()).as(String.valueOf(body)).isEqualTo(200);
            assertThat(reply.code()).as(String.valueOf(body)).isZero();
            assertThat(reply.body().path("data").path("user_list").isArray())
                    .as(String.valueOf(body))
                    .isTrue();
            assertThat(reply.body().path("data").path("user_list")).isEmpty();
        }
    }

    @Test
    void unknownJsonFieldsAreTolerated() {
        var reply = server.http()
                .post(
                        BATCH_GET_ID,
                        newTenantToken(),
                        "{\"emails\":[\"a@platform.test\"],\"not_a_field\":1,\"nested\":{\"x\":[true]}}");

        assertThat(reply.code()).isZero();
        assertThat(reply.body()
                        .path("data")
                        .path("user_list")
                        .get(0)
                        .path("email")
                        .asText())
                .isEqualTo("a@platform.test");
    }

    @Test
    void feishuApiLarkspurDoesNotServeAnswers501NamingIt() {
        var reply = server.http().get("/open-apis/calendar/v4/calendars", newTenantToken());

        assertThat(reply.status()).isEqualTo(501);
        assertThat(reply.code()).isEqualTo(99999501);
        assertThat(reply.body().path("msg").asText()).contains("GET /open-apis/calendar/v4/calendars");
    }

    @Test
    void pathFeishuDoesNotHaveIsNotFound() {
        var reply = server.http().get("/open-apis/nope/v1/x", newTenantToken());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo(404);
    }

    @Test
    void pathOutsideTheApiIsNotFound() {
        for (String path : List.of("/nope", "/admin/v1/nope")) {
            var reply = server.http().get(path, TestServer.ADMIN_TOKEN);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.code()).as(path).isEqualTo(404);
            assertLogIdHeaders(reply);
        }
    }

    @Test
    void callsBeyondThePerSecondLimitAreRejectedForThatAppOnly() {
        try (var limited =
                TestServer.start(Map.of("larkspur.rate-limit.per-second", 3, "larkspur.rate-limit.per-minute", 1000))) {
            String busy = tokenOf(limited, newApp(limited));
            String quiet = tokenOf(limited, newApp(limited));
            // The limiter runs on the server's clock: stopped, the four calls are within one second
            // however slow the machine.
            limited.clock().freeze();

            var replies = new ArrayList<RawHttp.Reply>();
            for (int i = 0; i < 4; i++) {
                replies.add(limited.http().get(BOT_INFO, busy));
            }

            assertThat(replies.subList(0, 3)).extracting(RawHttp.Reply::code).containsOnly(0);
            var rejected = replies.get(3);
            assertThat(rejected.status()).isEqualTo(429);
            assertThat(rejected.code()).isEqualTo(99991400);
            assertThat(rejected.headers().get("x-ogw-ratelimit-limit")).isEqualTo("3");
            assertThat(rejected.headers().get("x-ogw-ratelimit-reset")).matches("[1-9][0-9]*");
            assertThat(limited.http().get(BOT_INFO, quiet).code()).isZero();
        }
    }

    @Test
    void disabledRateLimitNeverRejects() {
        try (var unlimited = TestServer.start(Map.of(
                "larkspur.rate-limit.enabled", false,
                "larkspur.rate-limit.per-second", 3,
                "larkspur.rate-limit.per-minute", 3))) {
            String token = tokenOf(unlimited, newApp(unlimited));

            var statuses = new ArrayList<Integer>();
            for (int i = 0; i < 60; i++) {
                statuses.add(unlimited.http().get(BOT_INFO, token).status());
            }

            assertThat(statuses).hasSize(60).containsOnly(200);
        }
    }
}
