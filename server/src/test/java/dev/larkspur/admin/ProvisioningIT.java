package dev.larkspur.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.token.AccessTokenType;
import com.lark.oapi.service.contact.v3.model.BatchGetIdUserReq;
import com.lark.oapi.service.contact.v3.model.BatchGetIdUserReqBody;
import dev.larkspur.platform.Ids;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Start-up provisioning: the demo tenant, seed files applied idempotently, and restarts. */
class ProvisioningIT {

    @Test
    void emptyDatabaseWithoutSeedGetsDemoTenantWhoseCredentialsWorkWithTheSdk() throws Exception {
        try (var server = TestServer.start()) {
            var props = server.demoCredentials();
            var app = new Admin.AppCreds(
                    props.getProperty("app_id"), props.getProperty("app_secret"), props.getProperty("tenant_key"));
            var client = Sdk.client(server, app);

            var resp = client.contact()
                    .user()
                    .batchGetId(BatchGetIdUserReq.newBuilder()
                            .batchGetIdUserReqBody(BatchGetIdUserReqBody.newBuilder()
                                    .emails(new String[] {"alice@demo.larkspur.dev"})
                                    .build())
                            .build());
            assertThat(resp.getCode()).isZero();
            assertThat(resp.getData().getUserList()[0].getUserId()).startsWith("ou_");
            assertThat(client.get("/open-apis/bot/v3/info", null, AccessTokenType.Tenant)
                            .getStatusCode())
                    .isEqualTo(200);
            var apps = Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + app.tenantKey() + "/apps", null));
            assertThat(apps.path("items").get(0).path("scopes").toString()).contains("im:message", "im:chat");
            var uris = Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + app.appId() + "/redirect_uris", null));
            assertThat(uris.path("redirect_uris").toString()).contains("http://localhost:8080/oauth-demo/callback");
            var owner = Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + app.appId() + "/owner", null));
            assertThat(owner.path("user_id").asText()).isEqualTo("alice");
            Path credentials = server.dataDir().resolve("demo-credentials.txt");
            if (credentials.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void seededServerGetsNoDemoTenant() throws Exception {
        Path seed = writeSeed(Ids.hex(16), "cli_" + Ids.hex(16), "Seed Corp");
        try (var server = TestServer.start(Map.of("larkspur.seed", seed.toString()))) {
            var tenants = Admin.ok(server.admin().call("GET", "/admin/v1/tenants", null));
            assertThat(tenants.path("items").size()).isEqualTo(1);
            assertThat(Files.exists(server.dataDir().resolve("demo-credentials.txt")))
                    .isFalse();
        }
    }

    @Test
    void applyingTheSameSeedTwiceChangesNothing() throws Exception {
        String tenantKey = Ids.hex(16);
        String appId = "cli_" + Ids.hex(16);
        Path seed = writeSeed(tenantKey, appId, "Seed Corp");
        try (var server = TestServer.start(Map.of("larkspur.seed", seed.toString()))) {
            var app = new Admin.AppCreds(appId, "seeded-secret-123", tenantKey);
            String token = server.http().tenantToken(app.appId(), app.appSecret());
            JsonNode before = snapshot(server, tenantKey, appId);

            server.restart();

            assertThat(snapshot(server, tenantKey, appId)).isEqualTo(before);
            assertThat(server.http().tenantToken(app.appId(), app.appSecret())).isEqualTo(token);
            assertThat(before.path("users").path("items").size()).isEqualTo(2);
            assertThat(before.path("app").path("scopes").size()).isEqualTo(2);
            assertThat(before.path("redirect_uris").path("redirect_uris").toString())
                    .isEqualTo("[\"https://seeded.example/cb\"]");
            assertThat(Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + appId + "/owner", null))
                            .path("user_id")
                            .asText())
                    .isEqualTo("alice");
        }
    }

    @Test
    void changedSeedUpdatesTheDeclaredFieldsAndKeepsIds() throws Exception {
        String tenantKey = Ids.hex(16);
        String appId = "cli_" + Ids.hex(16);
        Path seed = writeSeed(tenantKey, appId, "Seed Corp");
        try (var server = TestServer.start(Map.of("larkspur.seed", seed.toString()))) {
            String unionBefore = snapshot(server, tenantKey, appId)
                    .path("alice")
                    .path("union_id")
                    .asText();

            Files.writeString(seed, Files.readString(seed).replace("Alice Seed", "Alice Renamed"));
            server.restart();

            var after = snapshot(server, tenantKey, appId);
            assertThat(after.path("alice").path("name").asText()).isEqualTo("Alice Renamed");
            assertThat(after.path("alice").path("union_id").asText()).isEqualTo(unionBefore);
        }
    }

    @Test
    void tokensStayValidAcrossRestart() {
        try (var server = TestServer.start()) {
            String tenant = server.admin().tenant("Restart Co");
            var app = server.admin().app(tenant, "Bot");
            String token = server.http().tenantToken(app.appId(), app.appSecret());

            server.restart();

            assertThat(server.http().get("/open-apis/bot/v3/info", token).code())
                    .isZero();
            assertThat(server.http().tenantToken(app.appId(), app.appSecret())).isEqualTo(token);
        }
    }

    private static JsonNode snapshot(TestServer server, String tenantKey, String appId) {
        var node = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        node.set("tenant", Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + tenantKey, null)));
        node.set("app", Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + appId, null)));
        node.set(
                "redirect_uris",
                Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + appId + "/redirect_uris", null)));
        node.set("users", Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + tenantKey + "/users", null)));
        node.set(
                "alice", Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + tenantKey + "/users/alice", null)));
        return node;
    }

    private static Path writeSeed(String tenantKey, String appId, String name) throws Exception {
        Path file = Files.createTempFile("seed", ".yaml");
        Files.writeString(
                file,
                """
                tenants:
                  - tenant_key: %s
                    name: %s
                    departments:
                      - department_id: eng
                        name: Engineering
                    apps:
                      - app_id: %s
                        app_secret: seeded-secret-123
                        name: Seeded Bot
                        scopes: [im:message, contact:user.id:readonly]
                        redirect_uris: [https://seeded.example/cb]
                        owner_user_id: alice
                    users:
                      - user_id: alice
                        name: Alice Seed
                        email: alice@seed.test
                        mobile: "+8613900000001"
                        department_ids: [eng]
                      - user_id: bob
                        name: Bob Seed
                """
                        .formatted(tenantKey, name, appId));
        return file;
    }
}
