package dev.larkspur.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's sign-in at the HTTP level: the admin token, the operator session, CSRF, throttling. */
class ConsoleSignInPagesIT {
    private static TestServer server;
    private static String password;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        password = server.demoCredentials().getProperty("web_password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theAdminTokenOpensTheConsoleAndNeverReachesAPage() {
        var web = new WebHttp(server);
        assertThat(location(web.get("/console"))).endsWith("/console/login");
        assertThat(location(web.get("/console/tenants"))).endsWith("/console/login");
        String before = web.sessionCookie().map(c -> c.getValue()).orElse("");

        var in = ConsoleWeb.signIn(web, TestServer.ADMIN_TOKEN);
        assertThat(location(in)).endsWith("/console");
        assertThat(web.sessionCookie().orElseThrow().getValue())
                .as("a new session id at sign-in")
                .isNotEqualTo(before);
        var overview = web.get("/console");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Overview", "Larkspur Demo").doesNotContain(TestServer.ADMIN_TOKEN);
        assertThat(overview.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(overview.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(location(web.get("/console/login"))).endsWith("/console");
        var stats = web.get("/console/overview/stats");
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.body()).contains("id=\"lk-stats\"", "lk-stat-backlog").doesNotContain("<html");

        var out = web.post("/console/logout", Map.of("_csrf", WebHttp.csrfIn(overview.body())));
        assertThat(location(out)).endsWith("/console/login");
        assertThat(location(web.get("/console"))).endsWith("/console/login");
    }

    @Test
    void aPersonsSessionDoesNotOpenTheConsole() {
        var web = new WebHttp(server);
        assertThat(web.signIn("alice@demo.larkspur.dev", password).statusCode()).isEqualTo(302);
        assertThat(web.get("/chats").statusCode()).isEqualTo(200);

        assertThat(location(web.get("/console"))).endsWith("/console/login");
        assertThat(location(web.get("/console/people"))).endsWith("/console/login");
        assertThat(location(web.get("/console/overview/stats"))).endsWith("/console/login");
        var post = web.post(
                "/console/tenants",
                Map.of("_csrf", WebHttp.csrfIn(web.get("/chats").body()), "name", "Sneaky"));
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(post.headers().firstValue("HX-Redirect")).hasValue("/console/login");
    }

    @Test
    void anOperatorSigningOutLeavesThePersonSignedIn() {
        var web = new WebHttp(server);
        web.signIn("bob@demo.larkspur.dev", password);
        ConsoleWeb.signIn(web, TestServer.ADMIN_TOKEN);
        assertThat(web.get("/console").statusCode()).isEqualTo(200);
        assertThat(web.get("/chats").statusCode()).isEqualTo(200);

        web.post(
                "/console/logout",
                Map.of("_csrf", WebHttp.csrfIn(web.get("/console").body())));

        assertThat(location(web.get("/console"))).endsWith("/console/login");
        assertThat(web.get("/chats").statusCode()).as("still Bob in chats").isEqualTo(200);
    }

    @Test
    void consoleFormsWithoutTheCsrfTokenAreRefused() {
        var web = new WebHttp(server);
        ConsoleWeb.signIn(web, TestServer.ADMIN_TOKEN);
        assertThat(web.post("/console/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(web.post("/console/tenants", Map.of("_csrf", "forged", "name", "X"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(web.get("/console").statusCode()).as("still signed in").isEqualTo(200);

        var fresh = new WebHttp(server);
        var refused = fresh.post("/console/login", Map.of("token", TestServer.ADMIN_TOKEN));
        assertThat(location(refused)).endsWith("/console/login?expired");
        assertThat(fresh.get("/console/login?expired").body()).contains("expired");
        assertThat(location(fresh.get("/console"))).endsWith("/console/login");
    }

    @Test
    void wrongTokensAreRefusedClearlyAndSlowedDown() {
        var web = new WebHttp(server);
        var wrong = ConsoleWeb.signIn(web, "lsa-guess");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("That is not the admin token.").doesNotContain("lsa-guess");
        assertThat(location(web.get("/console"))).endsWith("/console/login");
        for (int i = 1; i < 5; i++) {
            assertThat(ConsoleWeb.signIn(web, "lsa-guess-" + i).statusCode()).isEqualTo(401);
        }

        var held = ConsoleWeb.signIn(web, TestServer.ADMIN_TOKEN);
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.body()).contains("Too many wrong tokens. Try again in 30 seconds.");
        assertThat(location(web.get("/console"))).endsWith("/console/login");

        server.clock().advance(Duration.ofSeconds(31));
        assertThat(location(ConsoleWeb.signIn(web, TestServer.ADMIN_TOKEN))).endsWith("/console");
    }

    static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
