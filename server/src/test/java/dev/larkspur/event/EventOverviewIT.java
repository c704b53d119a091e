package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The live overview, over the admin API and on the console's page: rates from what the server
 * really recorded, fanned out and pushed; failing deliveries; connections per app; the last errors.
 */
class EventOverviewIT {
    private static TestServer server;
    private static LongConnectionBot socketBot;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        socketBot = new LongConnectionBot(server);
    }

    @AfterAll
    static void stop() {
        if (socketBot != null) {
            socketBot.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode overview() {
        return Admin.ok(server.admin().call("GET", "/admin/v1/overview", null));
    }

    private static void writes(String tenant, String appId, String text) {
        Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + tenant + "/users/ann/messages",
                        Map.of(
                                "receive_id_type",
                                "app_id",
                                "receive_id",
                                appId,
                                "msg_type",
                                "text",
                                "content",
                                "{\"text\":\"" + text + "\"}")));
    }

    @Test
    void countsWhatWasRecordedFannedOutAndDeliveredAndNamesTheLastErrors() throws Exception {
        String tenant = server.admin().tenant("Overview Co");
        var good = server.admin().app(tenant, "Good Bot");
        var bad = server.admin().app(tenant, "Failing Bot");
        server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
        try (var ok = new EventReceiver(
                        EventDispatcher.newBuilder("vt-good", "").build());
                var failing = new EventReceiver(
                        EventDispatcher.newBuilder("vt-bad", "").build())) {
            Admin.ok(server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/apps/" + good.appId() + "/event_settings",
                            Map.of(
                                    "request_url",
                                    ok.url(),
                                    "verification_token",
                                    "vt-good",
                                    "event_types",
                                    List.of("im.message.receive_v1"))));
            Admin.ok(server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/apps/" + bad.appId() + "/event_settings",
                            Map.of(
                                    "request_url",
                                    failing.url(),
                                    "verification_token",
                                    "vt-bad",
                                    "event_types",
                                    List.of("im.message.receive_v1"))));
            // Every push after the URL verification gets a 503.
            failing.failWhen(n -> n > 1);
            var before = overview().path("totals");

            writes(tenant, good.appId(), "one");
            writes(tenant, good.appId(), "two");
            writes(tenant, bad.appId(), "three");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var now = overview();
                var totals = now.path("totals");
                assertThat(totals.path("deliveries_delivered").asLong()
                                - before.path("deliveries_delivered").asLong())
                        .isGreaterThanOrEqualTo(2);
                var failingNow = now.path("failing_deliveries");
                assertThat(failingNow.path("retrying").asLong()
                                + failingNow.path("failed").asLong())
                        .isGreaterThanOrEqualTo(1);
                assertThat(now.path("last_errors").toString()).contains(bad.appId());
            });
            var now = overview();
            assertThat(now.path("window_seconds").asInt()).isEqualTo(10);
            // Three messages and Ann's first p2p chat with each bot, at least.
            assertThat(now.path("totals").path("events_recorded").asLong()
                            - before.path("events_recorded").asLong())
                    .isGreaterThanOrEqualTo(3);
            assertThat(now.path("events_recorded_per_second").asDouble()).isGreaterThan(0);
            assertThat(now.path("deliveries_fanned_out_per_second").asDouble()).isGreaterThan(0);
            assertThat(now.path("deliveries_delivered_per_second").asDouble()).isGreaterThan(0);
            assertThat(now.path("backlog").isNumber()).isTrue();
            var error = now.path("last_errors").get(0);
            assertThat(error.path("app_id").asText()).isEqualTo(bad.appId());
            assertThat(error.path("event_type").asText()).isEqualTo("im.message.receive_v1");
            assertThat(error.path("status_code").asInt()).isEqualTo(503);
            assertThat(error.path("delivery_id").asText()).isNotBlank();

            var web = new WebHttp(server);
            signIn(web);
            var page = Jsoup.parse(web.get("/console/overview/stats").body());
            assertThat(Double.parseDouble(
                            page.getElementById("lk-stat-delivered").text()))
                    .isGreaterThan(0);
            assertThat(page.select(".lk-last-error").text()).contains(bad.appId(), "HTTP 503");
        }
    }

    @Test
    void showsTheLongConnectionsOfEachApp() {
        socketBot.connect(EventDispatcher.newBuilder("", "").build());
        socketBot.awaitConnections(1);
        var connections = overview().path("connections");
        JsonNode mine = null;
        for (var c : connections) {
            if (c.path("app_id").asText().equals(socketBot.app.appId())) {
                mine = c;
            }
        }
        assertThat(mine).as(connections.toString()).isNotNull();
        assertThat(mine.path("connections").asInt()).isEqualTo(1);
        assertThat(mine.path("name").asText()).isEqualTo("Socket Bot");

        var web = new WebHttp(server);
        signIn(web);
        var page = Jsoup.parse(web.get("/console").body());
        assertThat(page.select("#lk-connections [data-app-id=" + socketBot.app.appId() + "] .lk-connection-count")
                        .text())
                .isEqualTo("1 connected");
        var appPage =
                Jsoup.parse(web.get("/console/apps/" + socketBot.app.appId()).body());
        assertThat(appPage.select("#lk-app-connections #lk-connections tbody tr"))
                .as("the app's page lists its live connection")
                .hasSize(1);
    }

    private static void signIn(WebHttp web) {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("_csrf", WebHttp.csrfIn(web.get("/console/login").body()));
        fields.put("token", TestServer.ADMIN_TOKEN);
        assertThat(web.post("/console/login", fields).statusCode()).isEqualTo(302);
    }
}
