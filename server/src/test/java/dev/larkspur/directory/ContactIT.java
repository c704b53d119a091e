package dev.larkspur.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.contact.v3.model.BatchGetIdUserReq;
import com.lark.oapi.service.contact.v3.model.BatchGetIdUserReqBody;
import com.lark.oapi.service.contact.v3.model.BatchGetIdUserResp;
import com.lark.oapi.service.contact.v3.model.GetUserReq;
import com.lark.oapi.service.contact.v3.model.GetUserResp;
import com.lark.oapi.service.contact.v3.model.UserContactInfo;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The two contact-v3 user endpoints a bot uses to find people, {@code users/batch_get_id} and
 * {@code users/:user_id}, driven by the official Java SDK's typed calls.
 */
class ContactIT {
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

    /** A fresh tenant with one app on the default scopes, and the SDK client of that app. */
    private record Tenant(String key, Admin.AppCreds app, Client client) {
        JsonNode user(Map<String, Object> fields) {
            return server.admin().user(key, fields);
        }

        /** The user as the admin API shows it, with its open_id in every app of the tenant. */
        JsonNode adminView(String userId) {
            return Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + key + "/users/" + userId, null));
        }

        String openIdOf(String userId) {
            return adminView(userId).path("open_ids").path(app.appId()).asText();
        }
    }

    private static Tenant newTenant() {
        String key = server.admin().tenant("Contact Co");
        var app = server.admin().app(key, "Finder");
        return new Tenant(key, app, Sdk.client(server, app));
    }

    private static BatchGetIdUserResp batchGetId(
            Client client, String userIdType, List<String> emails, List<String> mobiles) throws Exception {
        var body = BatchGetIdUserReqBody.newBuilder();
        if (emails != null) {
            body.emails(emails.toArray(String[]::new));
        }
        if (mobiles != null) {
            body.mobiles(mobiles.toArray(String[]::new));
        }
        var request = BatchGetIdUserReq.newBuilder().batchGetIdUserReqBody(body.build());
        if (userIdType != null) {
            request.userIdType(userIdType);
        }
        return client.contact().user().batchGetId(request.build());
    }

    private static UserContactInfo[] resolve(Client client, List<String> emails, List<String> mobiles)
            throws Exception {
        var resp = batchGetId(client, null, emails, mobiles);
        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        return resp.getData().getUserList();
    }

    private static GetUserResp get(Client client, String userId, String userIdType) throws Exception {
        return client.contact()
                .user()
                .get(GetUserReq.newBuilder()
                        .userId(userId)
                        .userIdType(userIdType)
                        .build());
    }

    @Test
    void resolvesUserByEmail() throws Exception {
        var t = newTenant();
        t.user(Map.of("name", "Ann", "user_id", "ann", "email", "ann@contact.test"));

        var list = resolve(t.client(), List.of("ann@contact.test"), null);

        assertThat(list).hasSize(1);
        assertThat(list[0].getEmail()).isEqualTo("ann@contact.test");
        assertThat(list[0].getUserId()).startsWith("ou_").isEqualTo(t.openIdOf("ann"));
    }

    @Test
    void emailMatchesWithoutRegardToCaseAndIsEchoedAsSent() throws Exception {
        var t = newTenant();
        t.user(Map.of("name", "Cas", "user_id", "cas", "email", "Cas.Upper@Contact.Test"));

        var list = resolve(t.client(), List.of("cas.upper@contact.test", "CAS.UPPER@CONTACT.TEST"), null);

        assertThat(list)
                .extracting(UserContactInfo::getEmail)
                .containsExactly("cas.upper@contact.test", "CAS.UPPER@CONTACT.TEST");
        assertThat(list).extracting(UserContactInfo::getUserId).containsOnly(t.openIdOf("cas"));
    }

    @Test
    void mainlandMobileMatchesWithOrWithoutCountryCode() throws Exception {
        var t = newTenant();
        t.user(Map.of("name", "Bare", "user_id", "bare", "mobile", "13800000001"));
        t.user(Map.of("name", "Prefixed", "user_id", "prefixed", "mobile", "+8613800000002"));

        var list = resolve(t.client(), null, List.of("13800000001", "+8613800000001", "13800000002", "+8613800000002"));

        assertThat(list)
                .extracting(UserContactInfo::getMobile)
                .containsExactly("13800000001", "+8613800000001", "13800000002", "+8613800000002");
        assertThat(list)
                .extracting(UserContactInfo::getUserId)
                .containsExactly(
                        t.openIdOf("bare"), t.openIdOf("bare"), t.openIdOf("prefixed"), t.openIdOf("prefixed"));
    }

    @Test
    void unknownEmailIsEchoedWithoutUserIdAndWithoutError() throws Exception {
        var t = newTenant();

        var resp = batchGetId(t.client(), null, List.of("nobody@contact.test"), null);

        assertThat(resp.getCode()).isZero();
        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(200);
        var list = resp.getData().getUserList();
        assertThat(list).hasSize(1);
        assertThat(list[0].getEmail()).isEqualTo("nobody@contact.test");
        assertThat(list[0].getUserId()).isNull();
        assertThat(list[0].getStatus()).isNull();
    }

    @Test
    void entriesComeBackEmailsFirstThenMobilesInRequestOrder() throws Exception {
        var t = newTenant();
        t.user(Map.of("name", "Cat", "user_id", "cat", "email", "cat@contact.test", "mobile", "13800000011"));
        t.user(Map.of("name", "Dan", "user_id", "dan", "email", "dan@contact.test", "mobile", "13800000012"));

        var list = resolve(
                t.client(),
                List.of("dan@contact.test", "missing@contact.test", "cat@contact.test"),
                List.of("13800000011", "13800000099", "13800000012"));

        assertThat(list)
                .extracting(UserContactInfo::getEmail)
                .containsExactly("dan@contact.test", "missing@contact.test", "cat@contact.test", null, null, null);
        assertThat(list)
                .extracting(UserContactInfo::getMobile)
                .containsExactly(null, null, null, "13800000011", "13800000099", "13800000012");
        assertThat(list)
                .extracting(UserContactInfo::getUserId)
                .containsExactly(
                        t.openIdOf("dan"), null, t.openIdOf("cat"), t.openIdOf("cat"), null, t.openIdOf("dan"));
    }

    @Test
    void userIdTypeSelectsWhichIdIsReturned() throws Exception {
        var t = newTenant();
        t.user(Map.of("name", "Eve", "user_id", "eve", "email", "eve@contact.test"));
        var eve = t.adminView("eve");
        var emails = List.of("eve@contact.test");

        assertThat(batchGetId(t.client(), "open_id", emails, null)
                        .getData()
                        .getUserList()[0]
                        .getUserId())
                .isEqualTo(eve.path("open_ids").path(t.app().appId()).asText())
                .startsWith("ou_");
        assertThat(batchGetId(t.client(), "union_id", emails, null)
                        .getData()
                        .getUserList()[0]
                        .getUserId())
                .isEqualTo(eve.path("union_id").asText())
                .startsWith("on_");
        assertThat(batchGetId(t.client(), "user_id", emails, null)
                        .getData()
                        .getUserList()[0]
                        .getUserId())
                .isEqualTo("eve");
    }

    @Test
    void sameUserHasADifferentOpenIdInEachAppOfItsTenant() throws Exception {
        var t = newTenant();
        var other = server.admin().app(t.key(), "Second");
        t.user(Map.of("name", "Fay", "user_id", "fay", "email", "fay@contact.test"));

        String inFirst = resolve(t.client(), List.of("fay@contact.test"), null)[0].getUserId();
        String inSecond = resolve(Sdk.client(server, other), List.of("fay@contact.test"), null)[0].getUserId();

        assertThat(inFirst).startsWith("ou_").isNotEqualTo(inSecond);
        assertThat(inSecond).startsWith("ou_");
        var openIds = t.adminView("fay").path("open_ids");
        assertThat(openIds.path(t.app().appId()).asText()).isEqualTo(inFirst);
        assertThat(openIds.path(other.appId()).asText()).isEqualTo(inSecond);
    }

    @Test
    void appCannotResolveUserOfAnotherTenant() throws Exception {
        var a = newTenant();
        var b = newTenant();
        b.user(Map.of("name", "Gus", "user_id", "gus", "email", "gus@contact.test", "mobile", "13800000021"));

        for (String type : List.of("open_id", "union_id", "user_id")) {
            var resp = batchGetId(a.client(), type, List.of("gus@contact.test"), List.of("13800000021"));
            assertThat(resp.getCode()).isZero();
            assertThat(resp.getData().getUserList())
                    .as(type)
                    .extracting(UserContactInfo::getUserId)
                    .containsExactly(null, null);
        }
        assertThat(resolve(b.client(), List.of("gus@contact.test"), null)[0].getUserId())
                .isNotNull();
    }

    @Test
    void appCannotGetUserOfAnotherTenant() throws Exception {
        var a = newTenant();
        var b = newTenant();
        b.user(Map.of("name", "Hal", "user_id", "hal"));
        var hal = b.adminView("hal");

        for (var lookup : List.of(
                List.of("user_id", "hal"),
                List.of("union_id", hal.path("union_id").asText()),
                List.of("open_id", b.openIdOf("hal")))) {
            var resp = get(a.client(), lookup.get(1), lookup.get(0));
            assertThat(resp.getCode()).as(lookup.get(0)).isEqualTo(41050);
            assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(400);
            assertThat(resp.getData()).isNull();
        }
        assertThat(get(b.client(), "hal", "user_id").getCode()).isZero();
    }

    @Test
    void rejectsMoreThanFiftyEmails() throws Exception {
        var t = newTenant();
        var emails = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> "p" + i + "@contact.test")
                .toList();

        var resp = batchGetId(t.client(), null, emails, null);

        assertThat(resp.getCode()).isEqualTo(99992402);
        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(400);
        assertThat(resp.getError().getFieldViolations()[0].getField()).isEqualTo("emails");
        assertThat(resolve(t.client(), emails.subList(0, 50), null)).hasSize(50);
    }

    @Test
    void getByUserIdReturnsProfile() throws Exception {
        var t = newTenant();
        t.user(Map.of(
                "name",
                "Ivy",
                "en_name",
                "Ivy L",
                "user_id",
                "ivy",
                "email",
                "ivy@contact.test",
                "mobile",
                "+8613800000031"));

        var resp = get(t.client(), "ivy", "user_id");

        assertThat(resp.getCode()).isZero();
        var user = resp.getData().getUser();
        assertThat(user.getUserId()).isEqualTo("ivy");
        assertThat(user.getOpenId()).isEqualTo(t.openIdOf("ivy"));
        assertThat(user.getUnionId())
                .isEqualTo(t.adminView("ivy").path("union_id").asText());
        assertThat(user.getName()).isEqualTo("Ivy");
        assertThat(user.getEnName()).isEqualTo("Ivy L");
        assertThat(user.getEmail()).isEqualTo("ivy@contact.test");
        assertThat(user.getMobile()).isEqualTo("13800000031");
        assertThat(user.getDepartmentIds()).isEmpty();
    }

    @Test
    void getByDefaultIdTypeTakesTheAppsOpenId() throws Exception {
        var t = newTenant();
        t.user(Map.of("name", "Jo", "user_id", "jo"));

        var resp = t.client()
                .contact()
                .user()
                .get(GetUserReq.newBuilder().userId(t.openIdOf("jo")).build());

        assertThat(resp.getCode()).isZero();
        assertThat(resp.getData().getUser().getName()).isEqualTo("Jo");
    }

    @Test
    void getAcceptsUserAccessToken() throws Exception {
        var t = newTenant();
        t.user(Map.of("name", "Kim", "user_id", "kim"));
        String token = server.admin().userToken(t.app().appId(), "kim");

        var resp = t.client()
                .contact()
                .user()
                .get(
                        GetUserReq.newBuilder()
                                .userId("kim")
                                .userIdType("user_id")
                                .build(),
                        RequestOptions.newBuilder().userAccessToken(token).build());

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        assertThat(resp.getData().getUser().getName()).isEqualTo("Kim");
    }

    @Test
    void batchGetIdRejectsUnknownUserIdType() throws Exception {
        var t = newTenant();

        var resp = batchGetId(t.client(), "email", List.of("a@contact.test"), null);

        assertThat(resp.getCode()).isEqualTo(99992402);
        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(400);
        assertThat(resp.getError().getFieldViolations()[0].getField()).isEqualTo("user_id_type");
    }

    @Test
    void getRejectsUnknownUserIdType() throws Exception {
        var t = newTenant();
        t.user(Map.of("name", "Lee", "user_id", "lee"));

        var resp = get(t.client(), "lee", "employee_id");

        assertThat(resp.getCode()).isEqualTo(99992402);
        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(400);
    }

    @Test
    void baseScopeAloneHidesEmailMobileAndUserId() throws Exception {
        var t = newTenant();
        var narrow = server.admin().app(t.key(), "Narrow", List.of("contact:contact.base:readonly"));
        t.user(Map.of("name", "Max", "user_id", "max", "email", "max@contact.test", "mobile", "13800000041"));
        String openId = t.adminView("max").path("open_ids").path(narrow.appId()).asText();

        var resp = get(Sdk.client(server, narrow), openId, "open_id");

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        var user = resp.getData().getUser();
        assertThat(user.getOpenId()).isEqualTo(openId);
        assertThat(user.getName()).isEqualTo("Max");
        assertThat(user.getEmail()).isNull();
        assertThat(user.getMobile()).isNull();
        assertThat(user.getUserId()).isNull();
    }
}
