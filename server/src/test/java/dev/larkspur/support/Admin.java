package dev.larkspur.support;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The admin API as tests use it to set up tenants, apps and users. */
public final class Admin {
    private final RawHttp http;
    private final String token;

    Admin(String baseUrl, String token) {
        this.http = new RawHttp(baseUrl);
        this.token = token;
    }

    /** An app just created, with its plain secret. */
    public record AppCreds(String appId, String appSecret, String tenantKey) {}

    public String tenant(String name) {
        return ok(call("POST", "/admin/v1/tenants", Map.of("name", name)))
                .path("tenant_key")
                .asText();
    }

    public AppCreds app(String tenantKey, String name) {
        return appFrom(call("POST", "/admin/v1/tenants/" + tenantKey + "/apps", Map.of("name", name)));
    }

    public AppCreds app(String tenantKey, String name, List<String> scopes) {
        return appFrom(
                call("POST", "/admin/v1/tenants/" + tenantKey + "/apps", Map.of("name", name, "scopes", scopes)));
    }

    public JsonNode user(String tenantKey, Map<String, Object> fields) {
        return ok(call("POST", "/admin/v1/tenants/" + tenantKey + "/users", fields));
    }

    public String userToken(String appId, String userId) {
        return ok(call("POST", "/admin/v1/apps/" + appId + "/user_access_tokens", Map.of("user_id", userId)))
                .path("access_token")
                .asText();
    }

    public RawHttp.Reply call(String method, String path, Object body) {
        String json = body == null ? null : RawHttp.JSON.writeValueAsString(body);
        return http.send(method, path, token, json);
    }

    private AppCreds appFrom(RawHttp.Reply reply) {
        var data = ok(reply);
        return new AppCreds(
                data.path("app_id").asText(),
                data.path("app_secret").asText(),
                data.path("tenant_key").asText());
    }

    public static JsonNode ok(RawHttp.Reply reply) {
        if (reply.code() != 0) {
            throw new AssertionError("admin call failed: " + reply.status() + " " + reply.body());
        }
        return reply.body().path("data");
    }
}
