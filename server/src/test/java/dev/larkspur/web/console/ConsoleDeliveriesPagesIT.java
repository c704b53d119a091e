package dev.larkspur.web.console;

import static dev.larkspur.web.console.ConsoleSignInPagesIT.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The delivery inspector over HTTP: filters, the event as the app receives it, attempts, replay. */
class ConsoleDeliveriesPagesIT {
    private static TestServer server;
    private static WebHttp web;
    private static String tenant;
    private static Admin.AppCreds app;
    private static EventReceiver receiver;
    private static final List<P2MessageReceiveV1> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        web = new WebHttp(server);
        ConsoleWeb.signIn(web, TestServer.ADMIN_TOKEN);
        tenant = server.admin().tenant("Inspect Co");
        app = server.admin().app(tenant, "Inspected Bot");
        server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
        receiver = new EventReceiver(EventDispatcher.newBuilder("vt-inspect", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        received.add(event);
                    }
                })
                .build());
        Admin.ok(server.admin()
                .call(
                        "PUT",
                        "/admin/v1/apps/" + app.appId() + "/event_settings",
                        Map.of("request_url", receiver.url(), "verification_token", "vt-inspect")));
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Document page(String path) {
        var response = web.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** Ann writes to the bot in their p2p chat; answers the chat's id. */
    private static String annWritesToTheBot(String text) {
        return Admin.ok(server.admin()
                        .call(
                                "POST",
                                "/admin/v1/tenants/" + tenant + "/users/ann/messages",
                                Map.of(
                                        "receive_id_type",
                                        "app_id",
                                        "receive_id",
                                        app.appId(),
                                        "msg_type",
                                        "text",
                                        "content",
                                        "{\"text\":\"" + text + "\"}")))
                .path("chat_id")
                .asText();
    }

    @Test
    void showsADeliveryAsTheAppGotItAndReplaysTheSameEvent() {
        int before = received.size();
        annWritesToTheBot("inspect me");
        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == before + 1);
        String eventId = received.get(before).getHeader().getEventId();

        String list = "/console/deliveries?app=" + app.appId() + "&type=im.message.receive_v1";
        await().atMost(Duration.ofSeconds(10)).until(() -> page(list)
                .select(".lk-delivery-row .lk-status")
                .eachText()
                .contains("delivered"));
        var rows = page(list).select(".lk-delivery-row");
        var row = rows.stream()
                .filter(r -> r.text().contains(eventId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + eventId + " in " + rows.text()));
        String detailPath = row.selectFirst("a").attr("href");

        var detail = page(detailPath);
        assertThat(detail.selectFirst("#lk-delivery-event-id").text()).isEqualTo(eventId);
        String json = detail.selectFirst("#lk-event-json").text();
        assertThat(json).contains("\"event_id\" : \"" + eventId + "\"", "\"token\" : \"vt-inspect\"", "inspect me");
        assertThat(detail.select(".lk-attempt-row")).hasSize(1);
        assertThat(detail.selectFirst(".lk-attempt-row").text()).contains("200", "ms");

        var replayed = ConsoleWeb.post(web, detailPath, detailPath + "/replay", Map.of());
        assertThat(location(replayed)).endsWith(detailPath);
        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == before + 2);
        assertThat(received.get(before + 1).getHeader().getEventId()).isEqualTo(eventId);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> page(detailPath).select(".lk-attempt-row").size() == 2);
    }

    @Test
    void showsAChatsEventLogAsAnAppReceivesIt() {
        String chatId = annWritesToTheBot("for the log");
        var log = page("/console/chat-events?chat_id=" + chatId + "&app=" + app.appId());
        assertThat(log.select(".lk-chat-event .lk-row-name").eachText()).contains("im.message.receive_v1");
        assertThat(log.select(".lk-chat-event pre").text()).contains("for the log", app.appId());

        var unknown = web.get("/console/chat-events?chat_id=oc_nosuchchat&app=" + app.appId());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(page("/console/chat-events").select(".lk-chat-event")).isEmpty();
    }

    @Test
    void filtersByStatusTypeAndTime() {
        annWritesToTheBot("filter me");
        String base = "/console/deliveries?app=" + app.appId();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !page(base).select(".lk-delivery-row").isEmpty());

        assertThat(page(base + "&type=im.chat.updated_v1").select(".lk-delivery-row"))
                .isEmpty();
        assertThat(page(base + "&status=failed").select(".lk-delivery-row")).isEmpty();
        assertThat(page(base + "&from=2999-01-01T00:00").select(".lk-delivery-row"))
                .isEmpty();
        assertThat(page(base + "&from=2000-01-01T00:00&to=2999-01-01T00:00").select(".lk-delivery-row"))
                .isNotEmpty();

        String api = "/admin/v1/apps/" + app.appId() + "/deliveries";
        var all = Admin.ok(server.admin().call("GET", api + "?event_type=im.message.receive_v1", null));
        assertThat(all.path("items").size())
                .as("the admin API filters the same way")
                .isPositive();
        assertThat(Admin.ok(server.admin().call("GET", api + "?event_type=im.chat.updated_v1", null))
                        .path("items")
                        .size())
                .isZero();
        assertThat(Admin.ok(server.admin().call("GET", api + "?start_time=32503680000000", null))
                        .path("items")
                        .size())
                .isZero();
        var first = all.path("items").get(0);
        var event = Admin.ok(server.admin()
                .call("GET", "/admin/v1/deliveries/" + first.path("delivery_id").asText() + "/event", null));
        assertThat(event.path("header").path("event_id").asText())
                .isEqualTo(first.path("event_id").asText());

        var bad = web.get(base + "&from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).select("#lk-console-error").text()).contains("from must be a date");
        assertThat(web.get("/console/deliveries/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void aSignedInPersonCannotReplay() throws Exception {
        var person = new WebHttp(server);
        String password = server.demoCredentials().getProperty("web_password");
        assertThat(person.signIn("alice@demo.larkspur.dev", password).statusCode())
                .isEqualTo(302);
        var chats = person.get("/chats");
        var replay = person.post("/console/deliveries/1/replay", Map.of("_csrf", WebHttp.csrfIn(chats.body())));
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(location(person.get("/console/deliveries"))).endsWith("/console/login");
    }
}
