package dev.larkspur.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.GetChatReq;
import dev.larkspur.platform.Ids;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test reset the JUnit kit uses: off unless {@code larkspur.testing.reset-enabled}; when on, it
 * deletes what tests made and keeps the seed's tenants, apps and people as they were, ids and
 * issued tokens included.
 */
class TestingResetIT {
    private static final String SECRET = "seeded-secret-123";

    @Test
    void resetDoesNotExistUnlessTurnedOn() throws Exception {
        Path seed = writeSeed(Ids.hex(16), "cli_" + Ids.hex(16));
        try (var server = TestServer.start(Map.of("larkspur.seed", seed.toString()))) {
            var reply = server.admin().call("POST", "/admin/v1/testing/reset", null);
            assertThat(reply.status()).isEqualTo(404);
        }
    }

    @Test
    void resetGoesBackToTheSeedAndKeepsTheSeededAppsTokensAndPeoplesIds() throws Exception {
        String tenant = Ids.hex(16);
        String appId = "cli_" + Ids.hex(16);
        Path seed = writeSeed(tenant, appId);
        try (var server =
                TestServer.start(Map.of("larkspur.seed", seed.toString(), "larkspur.testing.reset-enabled", "true"))) {
            var admin = server.admin();
            var client = Sdk.client(server, new Admin.AppCreds(appId, SECRET, tenant));
            String chatId = client.im()
                    .v1()
                    .chat()
                    .create(CreateChatReq.newBuilder()
                            .userIdType("user_id")
                            .createChatReqBody(CreateChatReqBody.newBuilder()
                                    .name("Before the reset")
                                    .userIdList(new String[] {"alice", "bob"})
                                    .build())
                            .build())
                    .getData()
                    .getChatId();
            Admin.ok(admin.call(
                    "POST",
                    "/admin/v1/tenants/" + tenant + "/users/alice/messages",
                    Map.of(
                            "receive_id_type",
                            "chat_id",
                            "receive_id",
                            chatId,
                            "msg_type",
                            "text",
                            "content",
                            "{\"text\":\"hi\"}")));
            String aliceOpenId = openId(admin, tenant, appId, "alice");
            admin.user(tenant, Map.of("name", "Temp", "user_id", "temp"));
            String otherTenant = admin.tenant("Other Co");
            Admin.ok(admin.call("POST", "/admin/v1/tenants/" + tenant + "/users/bob/resign", null));
            Admin.ok(admin.call(
                    "PUT",
                    "/admin/v1/tenants/" + tenant + "/users/alice/departments",
                    Map.of("department_ids", java.util.List.of())));
            Admin.ok(
                    admin.call("POST", "/admin/v1/faults", Map.of("action", "latency", "latency_ms", 1, "path", "/x")));

            var reset = Admin.ok(admin.call("POST", "/admin/v1/testing/reset", null));

            assertThat(reset.path("deleted_rows").asInt()).isPositive();
            // The bot's token, cached by its SDK client before the reset, still works; its chat is gone.
            assertThat(client.im()
                            .v1()
                            .chat()
                            .get(GetChatReq.newBuilder().chatId(chatId).build())
                            .getCode())
                    .isNotZero()
                    .isNotEqualTo(99991663);
            assertThat(admin.call("GET", "/admin/v1/tenants/" + tenant + "/users/temp", null)
                            .status())
                    .isEqualTo(404);
            assertThat(admin.call("GET", "/admin/v1/tenants/" + otherTenant, null)
                            .status())
                    .isEqualTo(404);
            assertThat(openId(admin, tenant, appId, "alice")).isEqualTo(aliceOpenId);
            var alice = Admin.ok(admin.call("GET", "/admin/v1/tenants/" + tenant + "/users/alice", null));
            assertThat(alice.path("department_ids").toString()).contains("eng");
            var bob = Admin.ok(admin.call("GET", "/admin/v1/tenants/" + tenant + "/users/bob", null));
            assertThat(bob.path("resigned").asBoolean()).isFalse();
            assertThat(Admin.ok(admin.call("GET", "/admin/v1/faults", null)).path("items"))
                    .isEmpty();
            var owner = Admin.ok(admin.call("GET", "/admin/v1/apps/" + appId + "/owner", null));
            assertThat(owner.path("user_id").asText()).isEqualTo("alice");
        }
    }

    private static String openId(Admin admin, String tenant, String appId, String userId) {
        return Admin.ok(admin.call("GET", "/admin/v1/tenants/" + tenant + "/users/" + userId, null))
                .path("open_ids")
                .path(appId)
                .asText();
    }

    private static Path writeSeed(String tenantKey, String appId) throws Exception {
        Path file = Files.createTempFile("seed", ".yaml");
        Files.writeString(
                file,
                """
                tenants:
                  - tenant_key: %s
                    name: Reset Co
                    departments:
                      - department_id: eng
                        name: Engineering
                    apps:
                      - app_id: %s
                        app_secret: %s
                        name: Seeded Bot
                        owner_user_id: alice
                    users:
                      - user_id: alice
                        name: Alice
                        department_ids: [eng]
                      - user_id: bob
                        name: Bob
                """
                        .formatted(tenantKey, appId, SECRET));
        return file;
    }
}
