package dev.larkspur.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.ClientStopper;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /admin/metrics} and {@code /admin/health} (issue 15 part 4), scraped as Prometheus would. */
class MetricsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "larkspur.events.retry-factor", "0.001",
                "larkspur.events.poll-millis", "50",
                "larkspur.metrics.refresh-millis", "200"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String scrape() throws Exception {
        var response = get("/admin/metrics", TestServer.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sample's value, summed over the series whose labels contain every {@code labels} pair. */
    static double value(String scrape, String name, String... labels) {
        double sum = 0;
        var line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        var m = line.matcher(scrape);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    @Test
    void metricsAndHealthNeedTheAdminToken() throws Exception {
        assertThat(get("/admin/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/admin/metrics", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/admin/health", null).statusCode()).isEqualTo(401);
        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void trafficMovesTheOpenApiMessageAndEventMeters() throws Exception {
        String tenant = server.admin().tenant("Metrics Co");
        var app = server.admin().app(tenant, "Metered Bot");
        server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
        var received = new CopyOnWriteArrayList<P2MessageReceiveV1>();
        try (var receiver = new EventReceiver(EventDispatcher.newBuilder("vt-" + app.appId(), "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        received.add(event);
                    }
                })
                .build())) {
            Admin.ok(server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/apps/" + app.appId() + "/event_settings",
                            Map.of(
                                    "request_url", receiver.url(),
                                    "verification_token", "vt-" + app.appId(),
                                    "event_types", List.of("im.message.receive_v1"))));
            String before = scrape();
            var client = Sdk.client(server, app);
            String annOpenId = Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + tenant + "/users/ann", null))
                    .path("open_ids")
                    .path(app.appId())
                    .asText();

            for (int i = 0; i < 3; i++) {
                var sent = client.im()
                        .message()
                        .create(CreateMessageReq.newBuilder()
                                .receiveIdType("open_id")
                                .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                        .receiveId(annOpenId)
                                        .msgType("text")
                                        .content("{\"text\":\"hi " + i + "\"}")
                                        .build())
                                .build());
                assertThat(sent.getCode()).isZero();
            }
            var refused = client.im()
                    .message()
                    .create(CreateMessageReq.newBuilder()
                            .receiveIdType("open_id")
                            .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                    .receiveId("ou_nobody")
                                    .msgType("text")
                                    .content("{\"text\":\"lost\"}")
                                    .build())
                            .build());
            assertThat(refused.getCode()).isNotZero();
            Admin.ok(server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + tenant + "/users/ann/messages",
                            Map.of(
                                    "receive_id_type", "app_id",
                                    "receive_id", app.appId(),
                                    "msg_type", "text",
                                    "content", "{\"text\":\"to the bot\"}")));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);

            String api = "api=\"POST /open-apis/im/v1/messages\"";
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String after = scrape();
                assertThat(value(after, "larkspur_openapi_requests_seconds_count", api, "code=\"0\"")
                                - value(before, "larkspur_openapi_requests_seconds_count", api, "code=\"0\""))
                        .isEqualTo(3);
                assertThat(value(after, "larkspur_openapi_requests_seconds_count", api, "status=\"400\"")
                                - value(before, "larkspur_openapi_requests_seconds_count", api, "status=\"400\""))
                        .isEqualTo(1);
                assertThat(value(after, "larkspur_messages_sent_total", "msg_type=\"text\"")
                                - value(before, "larkspur_messages_sent_total", "msg_type=\"text\""))
                        .isEqualTo(4);
                assertThat(value(after, "larkspur_events_recorded_total", "event_type=\"im.message.receive_v1\""))
                        .isGreaterThan(value(
                                before, "larkspur_events_recorded_total", "event_type=\"im.message.receive_v1\""));
                assertThat(value(after, "larkspur_events_fanned_out_total"))
                        .isGreaterThan(value(before, "larkspur_events_fanned_out_total"));
                assertThat(value(after, "larkspur_events_delivered_total", "mode=\"callback\""))
                        .isGreaterThan(value(before, "larkspur_events_delivered_total", "mode=\"callback\""));
                assertThat(value(after, "larkspur_events_delivery_latency_seconds_count", "mode=\"callback\""))
                        .isGreaterThan(
                                value(before, "larkspur_events_delivery_latency_seconds_count", "mode=\"callback\""));
                assertThat(after)
                        .contains(
                                "larkspur_openapi_requests_seconds_bucket{",
                                "larkspur_events_backlog{mode=\"callback\"}",
                                "larkspur_events_oldest_undelivered_age_seconds{mode=\"websocket\"}",
                                "hikaricp_connections_active",
                                "jvm_memory_used_bytes");
                // Open API calls are timed once, by Larkspur's meter; Spring's times the rest.
                assertThat(after.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")))
                        .anyMatch(line -> line.contains("uri=\"/admin/"))
                        .noneMatch(line -> line.contains("uri=\"/open-apis/"));
            });
        }
    }

    @Test
    void liveLongConnectionsAreCountedPerApp() throws Exception {
        String tenant = server.admin().tenant("Socket Metrics Co");
        var app = server.admin().app(tenant, "Socket Bot");
        Admin.ok(server.admin()
                .call(
                        "PUT",
                        "/admin/v1/apps/" + app.appId() + "/event_settings",
                        Map.of("mode", "websocket", "verification_token", "vt")));
        var client = new com.lark.oapi.ws.Client.Builder(app.appId(), app.appSecret())
                .domain(server.baseUrl())
                .eventHandler(EventDispatcher.newBuilder("", "").build())
                .build();
        try {
            client.start();
            String series = "larkspur_long_connections{app_id=\"" + app.appId() + "\"}";
            await().atMost(Duration.ofSeconds(15)).until(() -> scrape().contains(series + " 1.0"));
        } finally {
            ClientStopper.stop(client);
        }
    }

    @Test
    void healthShowsTheDatabaseAndTheEventWorkers() throws Exception {
        var response = get("/admin/health", TestServer.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        var health = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components").path("eventWorkers").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components")
                        .path("eventWorkers")
                        .path("details")
                        .path("backlog")
                        .has("callback"))
                .isTrue();
    }
}
