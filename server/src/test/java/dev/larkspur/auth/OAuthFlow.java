package dev.larkspur.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.RawHttp;
import dev.larkspur.support.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant with an app that registered a redirect URI and a person, and the person allowing the app
 * through the admin API, which calls the same service as the authorize page.
 */
final class OAuthFlow {
    static final String REDIRECT_URI = "https://bot.example/oauth/callback";
    final TestServer server;
    final String tenant;
    final Admin.AppCreds app;
    final String userId;

    private OAuthFlow(TestServer server, String tenant, Admin.AppCreds app, String userId) {
        this.server = server;
        this.tenant = tenant;
        this.app = app;
        this.userId = userId;
    }

    static OAuthFlow create(TestServer server, String name) {
        String tenant = server.admin().tenant(name + " Co");
        var app = server.admin().app(tenant, name + " Bot");
        registerRedirectUris(server, app.appId(), List.of(REDIRECT_URI));
        server.admin()
                .user(
                        tenant,
                        Map.of(
                                "name",
                                "Ann " + name,
                                "en_name",
                                "Ann",
                                "email",
                                "ann@" + name.toLowerCase() + ".test",
                                "user_id",
                                "ann"));
        return new OAuthFlow(server, tenant, app, "ann");
    }

    static void registerRedirectUris(TestServer server, String appId, List<String> uris) {
        Admin.ok(server.admin()
                .call("PUT", "/admin/v1/apps/" + appId + "/redirect_uris", Map.of("redirect_uris", uris)));
    }

    /** The admin authorize call's raw reply. */
    RawHttp.Reply authorize(Map<String, Object> body) {
        return server.admin()
                .call("POST", "/admin/v1/tenants/" + tenant + "/users/" + userId + "/oauth/authorize", body);
    }

    /** Allows the app for the scopes and answers the code from the URL the browser is sent to. */
    String code(String scope) {
        return code(Map.of("app_id", app.appId(), "redirect_uri", REDIRECT_URI, "scope", scope, "state", "st-1"));
    }

    String code(Map<String, Object> body) {
        String url = Admin.ok(authorize(body)).path("redirect_url").asText();
        assertThat(url).startsWith(String.valueOf(body.get("redirect_uri")) + "?");
        return query(url).get("code");
    }

    String openId() {
        return Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + tenant + "/users/" + userId, null))
                .path("open_ids")
                .path(app.appId())
                .asText();
    }

    static Map<String, String> query(String url) {
        var result = new HashMap<String, String>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            result.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }
}
