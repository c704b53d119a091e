package dev.larkspur.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API's edits the console uses too: rename a tenant, resign a person, reset a secret, search people. */
class AdminDirectoryEditsIT {
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

    @Test
    void renamesATenantKeepingItsKey() {
        String key = server.admin().tenant("Old Name");
        var renamed = Admin.ok(server.admin().call("PATCH", "/admin/v1/tenants/" + key, Map.of("name", " New Name ")));
        assertThat(renamed.path("tenant_key").asText()).isEqualTo(key);
        assertThat(renamed.path("name").asText()).isEqualTo("New Name");
        assertThat(server.admin()
                        .call("PATCH", "/admin/v1/tenants/" + key, Map.of("name", " "))
                        .code())
                .isEqualTo(400);
        assertThat(server.admin()
                        .call("PATCH", "/admin/v1/tenants/nosuchtenant", Map.of("name", "X"))
                        .code())
                .isEqualTo(404);
    }

    @Test
    void aResignedPersonCannotSignInNorReceiveMessages() {
        String key = server.admin().tenant("Resign Co");
        var bot = server.admin().app(key, "Bot");
        server.admin()
                .user(
                        key,
                        Map.of(
                                "name",
                                "Gina",
                                "user_id",
                                "gina",
                                "email",
                                "gina@resign.test",
                                "password",
                                "pw-gina-1"));
        var web = new WebHttp(server);
        assertThat(web.signIn("gina@resign.test", "pw-gina-1").statusCode()).isEqualTo(302);

        var resigned = Admin.ok(server.admin().call("POST", "/admin/v1/tenants/" + key + "/users/gina/resign", null));
        assertThat(resigned.path("resigned").asBoolean()).isTrue();
        assertThat(Admin.ok(server.admin().call("POST", "/admin/v1/tenants/" + key + "/users/gina/resign", null))
                        .path("resigned")
                        .asBoolean())
                .as("resigning twice is harmless")
                .isTrue();

        assertThat(new WebHttp(server).signIn("gina@resign.test", "pw-gina-1").body())
                .contains("Wrong email or password.");
        String token = server.http().tenantToken(bot.appId(), bot.appSecret());
        var send = server.http()
                .post(
                        "/open-apis/im/v1/messages?receive_id_type=user_id",
                        token,
                        "{\"receive_id\":\"gina\",\"msg_type\":\"text\",\"content\":\"{\\\"text\\\":\\\"hi\\\"}\"}");
        // A bot writing to a resigned person: 230013 "no availability" (spec/message.md: "also resigned users").
        assertThat(send.code())
                .as("Feishu's code for a bot writing to a resigned person")
                .isEqualTo(230013);
        assertThat(server.admin()
                        .call("POST", "/admin/v1/tenants/" + key + "/users/nobody/resign", null)
                        .code())
                .isEqualTo(404);
    }

    @Test
    void aResetSecretReplacesTheOldOne() {
        String key = server.admin().tenant("Secret Co");
        var app = server.admin().app(key, "Bot");
        var reset = Admin.ok(server.admin().call("POST", "/admin/v1/apps/" + app.appId() + "/secret", null));
        String secret = reset.path("app_secret").asText();
        assertThat(secret).isNotBlank().isNotEqualTo(app.appSecret());

        assertThat(server.http().tenantToken(app.appId(), app.appSecret())).isEmpty();
        assertThat(server.http().tenantToken(app.appId(), secret)).isNotEmpty();
    }

    @Test
    void searchesPeopleByNameUserIdOrEmailPagedByKey() {
        String key = server.admin().tenant("Search Co");
        for (int i = 0; i < 5; i++) {
            server.admin().user(key, Map.of("name", "Ann " + i, "user_id", "ann" + i, "email", "ann" + i + "@s.test"));
        }
        server.admin().user(key, Map.of("name", "Bo_b", "user_id", "bob", "email", "bob@s.test"));

        assertThat(names(key, "ANN", 2)).containsExactly("Ann 0", "Ann 1", "Ann 2", "Ann 3", "Ann 4");
        assertThat(names(key, "bob@", 10)).containsExactly("Bo_b");
        assertThat(names(key, "_", 10)).as("wildcards are literal").containsExactly("Bo_b");
        assertThat(names(key, "ann3", 10)).containsExactly("Ann 3");
        assertThat(names(key, "zzz", 10)).isEmpty();
    }

    private static List<String> names(String key, String query, int pageSize) {
        var names = new ArrayList<String>();
        String pageToken = null;
        for (int guard = 0; guard < 20; guard++) {
            var page = Admin.ok(server.admin()
                    .call(
                            "GET",
                            "/admin/v1/tenants/" + key + "/users?page_size=" + pageSize + "&query="
                                    + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)
                                    + (pageToken == null ? "" : "&page_token=" + pageToken),
                            null));
            page.path("items").forEach(u -> names.add(u.path("name").asText()));
            if (!page.path("has_more").asBoolean()) {
                return names;
            }
            pageToken = page.path("page_token").asText();
        }
        throw new AssertionError("more than 20 pages");
    }

    @Test
    void makesDepartmentsAndPutsPeopleInThem() {
        String key = server.admin().tenant("Dept Co");
        server.admin().user(key, Map.of("name", "Dee", "user_id", "dee"));
        var eng = Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + key + "/departments",
                        Map.of("name", "Engineering", "department_id", "eng")));
        assertThat(eng.path("department_id").asText()).isEqualTo("eng");
        assertThat(eng.path("open_department_id").asText()).startsWith("od-");
        var ops = Admin.ok(
                server.admin().call("POST", "/admin/v1/tenants/" + key + "/departments", Map.of("name", "Ops")));
        String opsId = ops.path("department_id").asText();
        assertThat(opsId).isNotBlank();
        assertThat(server.admin()
                        .call(
                                "POST",
                                "/admin/v1/tenants/" + key + "/departments",
                                Map.of("name", "Again", "department_id", "eng"))
                        .code())
                .isEqualTo(409);

        var dee = Admin.ok(server.admin()
                .call(
                        "PUT",
                        "/admin/v1/tenants/" + key + "/users/dee/departments",
                        Map.of("department_ids", List.of("eng", opsId))));
        assertThat(dee.path("department_ids").toString()).contains("eng", opsId);
        assertThat(Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + key + "/users/dee", null))
                        .path("department_ids")
                        .size())
                .isEqualTo(2);
        var listed = Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + key + "/departments", null))
                .path("items");
        assertThat(listed.size()).isEqualTo(2);
        assertThat(listed.get(0).path("name").asText()).isEqualTo("Engineering");
        assertThat(listed.get(0).path("members").asLong()).isEqualTo(1);

        assertThat(server.admin()
                        .call(
                                "PUT",
                                "/admin/v1/tenants/" + key + "/users/dee/departments",
                                Map.of("department_ids", List.of("nosuch")))
                        .code())
                .isEqualTo(400);
        var none = Admin.ok(server.admin()
                .call(
                        "PUT",
                        "/admin/v1/tenants/" + key + "/users/dee/departments",
                        Map.of("department_ids", List.of())));
        assertThat(none.path("department_ids").size()).isZero();
    }
}
