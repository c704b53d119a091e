package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.event.EventDispatcher;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.RawHttp;
import dev.larkspur.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request URL policy as it ships: with no setting, loopback bots are accepted on the embedded H2
 * database and refused on PostgreSQL; private and link-local hosts are refused on both, before any
 * connection (only 127.0.0.1 is ever connected to), with the one generic verification message.
 */
class RequestUrlPolicyIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        // Empty: the setting as application.yml leaves it when LARKSPUR_REQUEST_URL_ALLOW_LOOPBACK is
        // unset, in place of the test servers' allow-loopback=true.
        server = TestServer.start(Map.of("larkspur.events.request-url.allow-loopback", ""));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static boolean embedded() {
        return !System.getProperty("larkspur.it.db", "h2").equals("postgres");
    }

    private static Admin.AppCreds app() {
        return server.admin().app(server.admin().tenant("Policy Co"), "Bot");
    }

    private static RawHttp.Reply setUrl(Admin.AppCreds app, String url) {
        return server.admin()
                .call(
                        "PUT",
                        "/admin/v1/apps/" + app.appId() + "/event_settings",
                        Map.of("request_url", url, "verification_token", "vt-" + app.appId()));
    }

    @Test
    void aLoopbackBotIsAcceptedOnTheEmbeddedDatabaseAndRefusedOnPostgres() {
        var app = app();
        try (var bot = new EventReceiver(
                EventDispatcher.newBuilder("vt-" + app.appId(), "").build())) {
            var reply = setUrl(app, bot.url());

            if (embedded()) {
                assertThat(reply.code()).isZero();
                assertThat(bot.requests()).as("challenge answered").isPositive();
            } else {
                assertThat(reply.code()).isEqualTo(400);
                assertThat(reply.body().path("msg").asText()).startsWith("request_url verification failed");
                assertThat(bot.requests()).as("no connection to a refused host").isZero();
            }
        }
    }

    @Test
    void privateAndLinkLocalHostsAreRefusedWithTheGenericMessage() {
        var app = app();
        int before = server.callbacksSent();
        for (String url : new String[] {
            "http://10.0.0.1/events", "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1:8080/events"
        }) {
            var reply = setUrl(app, url);

            assertThat(reply.status()).as(url).isEqualTo(400);
            assertThat(reply.body().path("msg").asText())
                    .startsWith("request_url verification failed")
                    .doesNotContain("private")
                    .doesNotContain("10.0.0.1");
        }
        // Each went to the transport, which refused it before connecting (HttpCallbackTransportPolicyTest).
        assertThat(server.callbacksSent() - before).isEqualTo(3);
    }
}
