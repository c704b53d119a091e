package dev.larkspur.platform;

import dev.larkspur.platform.FuzzRoutes.Auth;
import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.util.List;
import java.util.Map;

/** The real ids and tokens the fuzz's templates name: one tenant, its bot, a person, a chat, a message. */
record FuzzFixture(Map<String, String> ids, Map<Auth, String> tokens) {
    static FuzzFixture create(TestServer server) {
        var admin = server.admin();
        var http = server.http();
        String tenant = admin.tenant("Fuzz Co");
        var app = admin.app(tenant, "Fuzz Bot");
        var spare = admin.app(tenant, "Spare Bot");
        var person = admin.user(tenant, Map.of("name", "Ann", "user_id", "fuzz_ann"));
        String openId = person.path("open_ids").path(app.appId()).asText();
        String tenantToken = http.tenantToken(app.appId(), app.appSecret());
        String appToken = http.post(
                        "/open-apis/auth/v3/app_access_token/internal",
                        null,
                        "{\"app_id\":\"" + app.appId() + "\",\"app_secret\":\"" + app.appSecret() + "\"}")
                .body()
                .path("app_access_token")
                .asText();
        String chat = Admin.ok(http.post(
                        "/open-apis/im/v1/chats",
                        tenantToken,
                        "{\"name\":\"Fuzz\",\"user_id_list\":[\"" + openId + "\"]}"))
                .path("chat_id")
                .asText();
        String message = Admin.ok(http.post(
                        "/open-apis/im/v1/messages?receive_id_type=chat_id",
                        tenantToken,
                        "{\"receive_id\":\"" + chat
                                + "\",\"msg_type\":\"text\",\"content\":\"{\\\"text\\\":\\\"hi\\\"}\"}"))
                .path("message_id")
                .asText();
        String hookUrl = Admin.ok(
                        admin.call("POST", "/admin/v1/chats/" + chat + "/custom_bots", Map.of("name", "Hook")))
                .path("hook_url")
                .asText();
        var ids = Map.of(
                "tenant",
                tenant,
                "app",
                app.appId(),
                "secret",
                app.appSecret(),
                "spare",
                spare.appId(),
                "user",
                "fuzz_ann",
                "open",
                openId,
                "chat",
                chat,
                "msg",
                message,
                "hook",
                hookUrl.substring(hookUrl.lastIndexOf('/') + 1));
        var tokens = Map.of(
                Auth.TENANT,
                tenantToken,
                Auth.APP,
                appToken,
                Auth.USER,
                admin.userToken(app.appId(), "fuzz_ann"),
                Auth.ADMIN,
                TestServer.ADMIN_TOKEN);
        List.of(ids, tokens).forEach(m -> m.values().forEach(v -> {
            if (v == null || v.isBlank()) {
                throw new AssertionError("fixture incomplete: " + ids + " " + tokens.keySet());
            }
        }));
        return new FuzzFixture(ids, tokens);
    }
}
