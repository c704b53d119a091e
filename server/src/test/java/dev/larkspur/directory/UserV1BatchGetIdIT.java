package dev.larkspur.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.RawHttp;
import dev.larkspur.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deprecated {@code user/v1/batch_get_id} in its documented v1 shape (issue 10): GET with
 * repeated {@code emails=} and {@code mobiles=}, answered with {@code email_users} and
 * {@code mobile_users} maps of {open_id, user_id} arrays and the {@code *_not_exist} lists. No
 * official SDK has a typed call for it, so the requests are raw, as community SDKs send them.
 */
class UserV1BatchGetIdIT {
    private static final String PATH = "/open-apis/user/v1/batch_get_id";
    private static TestServer server;
    private static String tenant;
    private static Admin.AppCreds app;
    private static String token;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        tenant = server.admin().tenant("V1 Co");
        app = server.admin().app(tenant, "Finder");
        token = tokenOf(app);
        server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann", "email", "ann@v1.test"));
        server.admin().user(tenant, Map.of("name", "Bob", "user_id", "bob", "mobile", "13800000021"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String tokenOf(Admin.AppCreds creds) {
        return server.http().tenantToken(creds.appId(), creds.appSecret());
    }

    private static String openIdOf(String userId) {
        return Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + tenant + "/users/" + userId, null))
                .path("open_ids")
                .path(app.appId())
                .asString();
    }

    @Test
    void getMapsFoundEmailsAndMobilesToIdsAndListsTheRest() {
        var reply = server.http()
                .get(PATH + "?emails=ann@v1.test&emails=nobody@v1.test&mobiles=13800000021&mobiles=13900000000", token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).as(reply.body().toString()).isZero();
        var data = reply.body().path("data");
        var ann = data.path("email_users").path("ann@v1.test");
        assertThat(ann.size()).isEqualTo(1);
        assertThat(ann.get(0).path("open_id").asString()).isEqualTo(openIdOf("ann"));
        assertThat(ann.get(0).path("user_id").asString()).isEqualTo("ann");
        var bob = data.path("mobile_users").path("13800000021");
        assertThat(bob.get(0).path("open_id").asString()).isEqualTo(openIdOf("bob"));
        assertThat(bob.get(0).path("user_id").asString()).isEqualTo("bob");
        assertThat(data.path("emails_not_exist").valueStream().map(n -> n.asString()))
                .containsExactly("nobody@v1.test");
        assertThat(data.path("mobiles_not_exist").valueStream().map(n -> n.asString()))
                .containsExactly("13900000000");
    }

    @Test
    void postWithAJsonBodyAnswersTheSameShape() {
        var reply = server.http().post(PATH, token, "{\"emails\":[\"ann@v1.test\"],\"mobiles\":[\"13800000021\"]}");

        assertThat(reply.code()).as(reply.body().toString()).isZero();
        assertThat(reply.body()
                        .path("data")
                        .path("email_users")
                        .path("ann@v1.test")
                        .get(0)
                        .path("open_id")
                        .asString())
                .isEqualTo(openIdOf("ann"));
        assertThat(reply.body()
                        .path("data")
                        .path("mobile_users")
                        .path("13800000021")
                        .get(0)
                        .path("user_id")
                        .asString())
                .isEqualTo("bob");
    }

    @Test
    void userIdNeedsTheEmployeeIdScope() {
        var narrow = server.admin().app(tenant, "Narrow", List.of(Scopes.USER_ID_READ));

        var reply = server.http().get(PATH + "?emails=ann@v1.test", tokenOf(narrow));

        assertThat(reply.code()).as(reply.body().toString()).isZero();
        var found = reply.body()
                .path("data")
                .path("email_users")
                .path("ann@v1.test")
                .get(0);
        assertThat(found.path("open_id").asString()).startsWith("ou_");
        assertThat(found.has("user_id")).isFalse();
    }

    @Test
    void needsTheUserIdScope() {
        var other = server.admin().app(tenant, "No contact", List.of("im:chat"));

        var reply = server.http().get(PATH + "?emails=ann@v1.test", tokenOf(other));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(99991672);
    }

    @Test
    void needsATenantToken() {
        String userToken = server.admin().userToken(app.appId(), "ann");

        var reply = server.http().get(PATH + "?emails=ann@v1.test", userToken);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isNotZero();
    }

    @Test
    void otherTenantsUsersDoNotExist() {
        var stranger = server.admin().app(server.admin().tenant("Elsewhere"), "Stranger");

        var reply = server.http().get(PATH + "?emails=ann@v1.test", tokenOf(stranger));

        assertThat(reply.code()).isZero();
        assertThat(reply.body().path("data").path("email_users").isEmpty()).isTrue();
        assertThat(reply.body().path("data").path("emails_not_exist").get(0).asString())
                .isEqualTo("ann@v1.test");
    }

    @Test
    void moreThanFiftyEmailsAreRefused() {
        var query = new StringBuilder(PATH + "?");
        for (int i = 0; i < 51; i++) {
            query.append("emails=u").append(i).append("@v1.test&");
        }

        RawHttp.Reply reply = server.http().get(query.toString(), token);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(99992402);
    }
}
