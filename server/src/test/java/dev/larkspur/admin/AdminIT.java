package dev.larkspur.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The operator API: its bearer token, and creating and inspecting tenants, apps and users. */
class AdminIT {
    private static final String BOT_INFO = "/open-apis/bot/v3/info";
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

    private static Admin admin() {
        return server.admin();
    }

    private static String newTenant() {
        return admin().tenant("Admin Co");
    }

    private static JsonNode createApp(String tenantKey) {
        return Admin.ok(admin().call("POST", "/admin/v1/tenants/" + tenantKey + "/apps", Map.of("name", "Ops Bot")));
    }

    private static List<String> texts(JsonNode array) {
        var result = new ArrayList<String>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    @Test
    void rejectsCallWithoutAdminToken() {
        var reply = server.http().get("/admin/v1/tenants", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo(401);
    }

    @Test
    void rejectsCallWithWrongAdminToken() {
        var reply = server.http().post("/admin/v1/tenants", TestServer.ADMIN_TOKEN + "x", "{\"name\":\"Sneaky\"}");

        assertThat(reply.status()).isEqualTo(401);
        var tenants = Admin.ok(admin().call("GET", "/admin/v1/tenants", null)).path("items");
        var names = new ArrayList<String>();
        tenants.forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).doesNotContain("Sneaky");
    }

    @Test
    void createTenantReturnsItsKey() {
        var data = Admin.ok(admin().call("POST", "/admin/v1/tenants", Map.of("name", "Keyed Co")));

        assertThat(data.path("tenant_key").asText()).matches("[0-9a-f]{16}");
        assertThat(data.path("name").asText()).isEqualTo("Keyed Co");
        assertThat(Admin.ok(admin().call(
                                        "GET",
                                        "/admin/v1/tenants/"
                                                + data.path("tenant_key").asText(),
                                        null))
                        .path("name")
                        .asText())
                .isEqualTo("Keyed Co");
    }

    @Test
    void createAppReturnsCredentialsAndDefaults() {
        String tenant = newTenant();

        var app = createApp(tenant);

        assertThat(app.path("app_id").asText()).matches("cli_[0-9a-f]{16}");
        assertThat(app.path("app_secret").asText()).isNotBlank();
        assertThat(app.path("tenant_key").asText()).isEqualTo(tenant);
        assertThat(app.path("name").asText()).isEqualTo("Ops Bot");
        assertThat(app.path("bot_enabled").asBoolean(false)).isTrue();
        assertThat(texts(app.path("scopes"))).contains("im:message", "contact:user.id:readonly");
        var token = server.http()
                .tenantToken(app.path("app_id").asText(), app.path("app_secret").asText());
        assertThat(token).startsWith("t-");
    }

    @Test
    void createUserReturnsItsIdsAndOpenIdPerApp() {
        String tenant = newTenant();
        String appId = createApp(tenant).path("app_id").asText();

        var user = admin().user(
                        tenant,
                        Map.of("name", "Nia", "user_id", "nia", "email", "nia@admin.test", "mobile", "+8613800000051"));

        assertThat(user.path("user_id").asText()).isEqualTo("nia");
        assertThat(user.path("union_id").asText()).startsWith("on_");
        assertThat(user.path("name").asText()).isEqualTo("Nia");
        assertThat(user.path("email").asText()).isEqualTo("nia@admin.test");
        assertThat(user.path("open_ids").path(appId).asText()).startsWith("ou_");
    }

    @Test
    void listAndGetAppsDoNotShowTheSecret() {
        String tenant = newTenant();
        var created = createApp(tenant);
        String appId = created.path("app_id").asText();

        var listed = Admin.ok(admin().call("GET", "/admin/v1/tenants/" + tenant + "/apps", null))
                .path("items");
        var fetched = Admin.ok(admin().call("GET", "/admin/v1/apps/" + appId, null));

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("app_id").asText()).isEqualTo(appId);
        assertThat(listed.get(0).has("app_secret")).isFalse();
        assertThat(fetched.path("app_id").asText()).isEqualTo(appId);
        assertThat(fetched.has("app_secret")).isFalse();
        assertThat(listed.toString() + fetched)
                .doesNotContain(created.path("app_secret").asText());
    }

    @Test
    void patchReplacesTheAppsScopes() {
        String tenant = newTenant();
        String appId = createApp(tenant).path("app_id").asText();

        var patched = Admin.ok(admin().call(
                        "PATCH",
                        "/admin/v1/apps/" + appId,
                        Map.of("scopes", List.of("im:chat", "contact:user.id:readonly"))));

        assertThat(texts(patched.path("scopes"))).containsExactlyInAnyOrder("im:chat", "contact:user.id:readonly");
        assertThat(texts(Admin.ok(admin().call("GET", "/admin/v1/apps/" + appId, null))
                        .path("scopes")))
                .containsExactlyInAnyOrder("im:chat", "contact:user.id:readonly");
    }

    @Test
    void disablingTheBotMakesBotInfoAnswer11205() {
        String tenant = newTenant();
        var app = createApp(tenant);
        String appId = app.path("app_id").asText();
        String token = server.http().tenantToken(appId, app.path("app_secret").asText());
        assertThat(server.http().get(BOT_INFO, token).code()).isZero();

        var patched = Admin.ok(admin().call("PATCH", "/admin/v1/apps/" + appId, Map.of("bot_enabled", false)));

        assertThat(patched.path("bot_enabled").asBoolean(true)).isFalse();
        var reply = server.http().get(BOT_INFO, token);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(11205);
    }

    @Test
    void duplicateUserIdIsAConflict() {
        String tenant = newTenant();
        admin().user(tenant, Map.of("name", "Oli", "user_id", "oli"));

        var reply = admin().call(
                        "POST", "/admin/v1/tenants/" + tenant + "/users", Map.of("name", "Oli 2", "user_id", "oli"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo(409);
    }

    @Test
    void sameUserIdInAnotherTenantIsNoConflict() {
        admin().user(newTenant(), Map.of("name", "Pat", "user_id", "pat"));

        var reply = admin().call(
                        "POST", "/admin/v1/tenants/" + newTenant() + "/users", Map.of("name", "Pat", "user_id", "pat"));

        assertThat(reply.code()).isZero();
    }

    @Test
    void unknownTenantIsNotFound() {
        String unknown = "0000000000000000";

        for (var reply : List.of(
                admin().call("GET", "/admin/v1/tenants/" + unknown, null),
                admin().call("GET", "/admin/v1/tenants/" + unknown + "/apps", null),
                admin().call("GET", "/admin/v1/tenants/" + unknown + "/users", null),
                admin().call("POST", "/admin/v1/tenants/" + unknown + "/apps", Map.of("name", "Lost")),
                admin().call("POST", "/admin/v1/tenants/" + unknown + "/users", Map.of("name", "Lost")))) {
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo(404);
        }
    }

    @Test
    void listUsersPagesThroughEveryUserOnce() {
        String tenant = newTenant();
        var created = IntStream.rangeClosed(1, 7).mapToObj(i -> "u" + i).toList();
        created.forEach(id -> admin().user(tenant, Map.of("name", "User " + id, "user_id", id)));
        admin().user(newTenant(), Map.of("name", "Elsewhere", "user_id", "elsewhere"));

        var seen = new ArrayList<String>();
        var pageSizes = new ArrayList<Integer>();
        String pageToken = null;
        for (int page = 0; page < 10; page++) {
            String query = "?page_size=3" + (pageToken == null ? "" : "&page_token=" + pageToken);
            var data = Admin.ok(admin().call("GET", "/admin/v1/tenants/" + tenant + "/users" + query, null));
            data.path("items").forEach(u -> seen.add(u.path("user_id").asText()));
            pageSizes.add(data.path("items").size());
            if (!data.path("has_more").asBoolean()) {
                assertThat(data.has("page_token")).isFalse();
                break;
            }
            pageToken = data.path("page_token").asText();
            assertThat(pageToken).isNotBlank();
        }

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
    }
}
