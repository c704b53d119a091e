package dev.larkspur.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fault rules in the seed file are in force from the start, and set again at every start. */
class SeededFaultsIT {
    @Test
    void seedFileRulesApplyFromTheStart() throws Exception {
        var seed = Files.createTempFile("larkspur-seed", ".yaml");
        Files.writeString(
                seed,
                """
                tenants:
                  - tenant_key: faultseed
                    name: Fault Seed Co
                    apps:
                      - app_id: cli_fa0175eed0000001
                        app_secret: seeded-secret-123
                        name: Seeded Bot
                faults:
                  - action: error
                    app_id: cli_fa0175eed0000001
                    path: /open-apis/im/v1/chats*
                    code: 99991663
                    ttl_seconds: 3600
                """);
        try (var server = TestServer.start(Map.of("larkspur.seed", seed.toString()))) {
            String token = server.http().tenantToken("cli_fa0175eed0000001", "seeded-secret-123");

            var reply = server.http().get("/open-apis/im/v1/chats", token);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo(99991663);
            var rules = Admin.ok(server.admin().call("GET", "/admin/v1/faults", null))
                    .path("items");
            assertThat(rules).hasSize(1);
            assertThat(rules.get(0).path("applied").asLong()).isEqualTo(1);
            assertThat(rules.get(0).path("kind").asText()).isEqualTo("open_api");
        } finally {
            Files.deleteIfExists(seed);
        }
    }
}
