package dev.larkspur.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.platform.Ids;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Web sign-in passwords: set by operators (admin API, seed file) and for the demo people. */
class PasswordIT {

    @Test
    void userCreatedWithAPasswordSignsInWithIt() {
        try (var server = TestServer.start()) {
            String tenant = server.admin().tenant("Pw Co");
            server.admin()
                    .user(
                            tenant,
                            Map.of(
                                    "name",
                                    "Pat",
                                    "email",
                                    "Pat@PW.test",
                                    "user_id",
                                    "pat",
                                    "password",
                                    "correct horse"));

            var web = new WebHttp(server);
            assertThat(web.signIn("pat@pw.test", "wrong horse").statusCode()).isEqualTo(200);
            var ok = web.signIn("pat@pw.test", "correct horse");
            assertThat(ok.statusCode()).isEqualTo(302);
            assertThat(web.get("/chats").body()).contains("Pat");
        }
    }

    @Test
    void tooShortPasswordIsRefusedAndCreatesNoUser() {
        try (var server = TestServer.start()) {
            String tenant = server.admin().tenant("Pw Co");
            var reply = server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + tenant + "/users",
                            Map.of("name", "Pat", "user_id", "pat", "password", "short"));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().path("msg").asText()).contains("at least 8");
            assertThat(server.admin()
                            .call("GET", "/admin/v1/tenants/" + tenant + "/users/pat", null)
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void operatorResetsAPassword() {
        try (var server = TestServer.start()) {
            String tenant = server.admin().tenant("Pw Co");
            server.admin().user(tenant, Map.of("name", "Pat", "email", "pat@pw.test", "user_id", "pat"));
            var web = new WebHttp(server);
            assertThat(web.signIn("pat@pw.test", "anything-at-all").statusCode())
                    .as("no password yet: no sign-in")
                    .isEqualTo(200);

            var set = server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/tenants/" + tenant + "/users/pat/password",
                            Map.of("password", "first-password"));
            assertThat(set.code()).isZero();
            server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/tenants/" + tenant + "/users/pat/password",
                            Map.of("password", "second-password"));

            assertThat(new WebHttp(server)
                            .signIn("pat@pw.test", "first-password")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(new WebHttp(server)
                            .signIn("pat@pw.test", "second-password")
                            .statusCode())
                    .isEqualTo(302);
            assertThat(server.admin()
                            .call(
                                    "PUT",
                                    "/admin/v1/tenants/" + tenant + "/users/nobody/password",
                                    Map.of("password", "second-password"))
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void sameEmailInTwoTenantsSignsIntoTheAccountWhosePasswordMatches() {
        try (var server = TestServer.start()) {
            String acme = server.admin().tenant("Acme");
            String beta = server.admin().tenant("Beta");
            server.admin()
                    .user(acme, Map.of("name", "Sam at Acme", "email", "sam@both.test", "password", "acme-password"));
            server.admin()
                    .user(beta, Map.of("name", "Sam at Beta", "email", "sam@both.test", "password", "beta-password"));

            var atBeta = new WebHttp(server);
            assertThat(atBeta.signIn("sam@both.test", "beta-password").statusCode())
                    .isEqualTo(302);
            assertThat(atBeta.get("/chats").body()).contains("Sam at Beta");
            var atAcme = new WebHttp(server);
            assertThat(atAcme.signIn("sam@both.test", "acme-password").statusCode())
                    .isEqualTo(302);
            assertThat(atAcme.get("/chats").body()).contains("Sam at Acme");
        }
    }

    @Test
    void seededPasswordSignsInAndSurvivesARestart() throws Exception {
        String tenantKey = Ids.hex(16);
        Path seed = Files.createTempFile("seed", ".yaml");
        Files.writeString(
                seed,
                """
                tenants:
                  - tenant_key: %s
                    name: Seeded
                    users:
                      - user_id: alice
                        name: Alice Seed
                        email: alice@seed.test
                        password: seeded-password
                """
                        .formatted(tenantKey));
        try (var server = TestServer.start(Map.of("larkspur.seed", seed.toString()))) {
            assertThat(new WebHttp(server)
                            .signIn("alice@seed.test", "seeded-password")
                            .statusCode())
                    .isEqualTo(302);

            Files.writeString(seed, Files.readString(seed).replace("seeded-password", "changed-password"));
            server.restart();

            assertThat(new WebHttp(server)
                            .signIn("alice@seed.test", "seeded-password")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(new WebHttp(server)
                            .signIn("alice@seed.test", "changed-password")
                            .statusCode())
                    .isEqualTo(302);
        }
    }

    @Test
    void demoPeopleShareThePasswordWrittenToTheCredentialsFile() throws Exception {
        try (var server = TestServer.start()) {
            var props = server.demoCredentials();
            String password = props.getProperty("web_password");
            assertThat(password).hasSize(16);
            for (String name : new String[] {"alice", "bob", "carol", "dave", "erin"}) {
                var web = new WebHttp(server);
                assertThat(web.signIn(name + "@demo.larkspur.dev", password).statusCode())
                        .as(name)
                        .isEqualTo(302);
            }

            server.restart();

            var again = server.demoCredentials();
            assertThat(again.getProperty("web_password")).isEqualTo(password);
            assertThat(new WebHttp(server)
                            .signIn("alice@demo.larkspur.dev", password)
                            .statusCode())
                    .isEqualTo(302);
        }
    }
}
