package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web client's sign-in at the HTTP level: sessions, CSRF, headers, wrong passwords, throttling. */
class WebSignInIT {
    private static TestServer server;
    private static String password;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        var props = server.demoCredentials();
        password = props.getProperty("web_password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signsInWithASessionCookieAndOut() {
        var web = new WebHttp(server);
        var form = web.get("/login");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(location(web.get("/"))).endsWith("/login");
        assertThat(location(web.get("/chats"))).endsWith("/login?next=%2Fchats");
        String before = web.sessionCookie().orElseThrow().getValue();
        assertThat(setCookie(form)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        var signedIn = web.signIn("Alice@Demo.Larkspur.dev", password);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).endsWith("/chats").doesNotContain("csrf");
        assertThat(web.sessionCookie().orElseThrow().getValue())
                .as("a new session id at sign-in")
                .isNotEqualTo(before);
        var chats = web.get("/chats");
        assertThat(chats.statusCode()).isEqualTo(200);
        assertThat(chats.body()).contains("Alice Chen");
        assertThat(location(web.get("/"))).endsWith("/chats");

        var out = web.post("/logout", Map.of("_csrf", WebHttp.csrfIn(chats.body())));
        assertThat(location(out)).endsWith("/login");
        assertThat(location(web.get("/chats"))).contains("/login");
    }

    @Test
    void stateChangingRequestsWithoutTheCsrfTokenAreRefused() {
        var web = new WebHttp(server);
        web.signIn("bob@demo.larkspur.dev", password);
        String token = WebHttp.csrfIn(web.get("/chats").body());

        assertThat(web.post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(web.post("/logout", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(web.get("/chats").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(web.post("/logout", Map.of(), Map.of("X-CSRF-Token", token)).statusCode())
                .as("the header works as well as the field")
                .isEqualTo(302);

        var noToken = new WebHttp(server);
        var fields = new LinkedHashMap<String, String>();
        fields.put("email", "bob@demo.larkspur.dev");
        fields.put("password", password);
        var refused = noToken.post("/login", fields);
        assertThat(location(refused)).endsWith("/login?expired");
        assertThat(noToken.get("/login?expired").body()).contains("expired");
        assertThat(noToken.get("/chats").statusCode()).isEqualTo(302);
    }

    @Test
    void wrongPasswordShowsAClearMessage() {
        var web = new WebHttp(server);
        var wrong = web.signIn("carol@demo.larkspur.dev", "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Wrong email or password.").contains("carol@demo.larkspur.dev");
        assertThat(web.get("/chats").statusCode()).isEqualTo(302);

        var unknown = web.signIn("nobody@demo.larkspur.dev", password);
        assertThat(unknown.body()).contains("Wrong email or password.");
    }

    @Test
    void browserPagesCarryTheSecurityHeadersAndApisDoNot() {
        var web = new WebHttp(server);
        for (var page : new HttpResponse<?>[] {web.get("/login"), web.get("/web/css/larkspur.css")}) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        }

        var api = web.get("/open-apis/bot/v3/info");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("99991661");
        assertThat(api.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
        var admin = new WebHttp(server).post("/admin/v1/tenants", Map.of());
        assertThat(admin.statusCode()).as("admin is not behind CSRF").isEqualTo(401);
    }

    @Test
    void aNextPathOnAnotherHostIsIgnored() {
        var web = new WebHttp(server);
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", web.loginCsrf());
        fields.put("email", "dave@demo.larkspur.dev");
        fields.put("password", password);
        fields.put("next", "//evil.example/steal");
        assertThat(location(web.post("/login", fields))).endsWith("/chats").doesNotContain("evil");
    }

    @Test
    void repeatedFailuresForOneAccountAreSlowedDown() {
        var web = new WebHttp(server);
        for (int i = 0; i < 5; i++) {
            assertThat(web.signIn("erin@demo.larkspur.dev", "guess-" + i).statusCode())
                    .isEqualTo(200);
        }
        var held = web.signIn("erin@demo.larkspur.dev", password);
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.body()).contains("Too many failed sign-ins. Try again in 30 seconds.");
        assertThat(web.get("/chats").statusCode()).isEqualTo(302);

        server.clock().advance(Duration.ofSeconds(31));

        assertThat(web.signIn("erin@demo.larkspur.dev", password).statusCode()).isEqualTo(302);
    }

    @Test
    void aPersonWhoResignsLosesTheirOpenSessionAndLiveStream() throws Exception {
        String tenant = server.demoCredentials().getProperty("tenant_key");
        server.admin()
                .user(
                        tenant,
                        Map.of(
                                "name",
                                "Hana",
                                "user_id",
                                "hana",
                                "email",
                                "hana@demo.larkspur.dev",
                                "password",
                                "pw-hana-1"));
        var web = new WebHttp(server);
        assertThat(web.signIn("hana@demo.larkspur.dev", "pw-hana-1").statusCode())
                .isEqualTo(302);
        var chats = web.get("/chats");
        assertThat(chats.statusCode()).isEqualTo(200);
        String token = WebHttp.csrfIn(chats.body());
        var events = web.openStream("/events");
        assertThat(events.statusCode()).isEqualTo(200);
        var streamed = CompletableFuture.supplyAsync(() -> events.body().collect(Collectors.joining("\n")));

        Admin.ok(server.admin().call("POST", "/admin/v1/tenants/" + tenant + "/users/hana/resign", null));

        // The open stream is told to reload (which signs the page out) and ends, within seconds.
        await().atMost(Duration.ofSeconds(15)).until(streamed::isDone);
        assertThat(streamed.get()).contains("event:reload");
        // The next request of the session ends it: htmx is sent to the sign-in page...
        var send = web.post(
                "/chats/oc_any/messages", Map.of("_csrf", token, "text", "still here?"), Map.of("HX-Request", "true"));
        assertThat(send.statusCode()).isEqualTo(401);
        assertThat(send.headers().firstValue("HX-Redirect")).hasValue("/login");
        // ...and a page load too, with the session gone for good.
        assertThat(location(web.get("/chats"))).contains("/login");
        assertThat(web.signIn("hana@demo.larkspur.dev", "pw-hana-1").body()).contains("Wrong email or password.");
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String setCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("LARKSPUR_SESSION="))
                .findFirst()
                .orElseThrow();
    }
}
