package dev.larkspur.platform;

import java.util.List;

/**
 * The route families the edge fuzz drives, one template per input it varies. In a path or query,
 * {@code $Q} is replaced by a URL-encoded value; in a body, {@code $V} by a JSON value. {@code {chat}},
 * {@code {msg}} and the other names in braces are the fixture's real ids, so that the varied input
 * reaches the code behind the first checks.
 */
final class FuzzRoutes {
    private FuzzRoutes() {}

    /** Who calls: tenant, user, app or admin token, or nobody. */
    enum Auth {
        TENANT,
        USER,
        APP,
        ADMIN,
        NONE
    }

    record Route(String method, String path, Auth auth, String body) {
        static Route get(String path, Auth auth) {
            return new Route("GET", path, auth, null);
        }

        static Route delete(String path, Auth auth) {
            return new Route("DELETE", path, auth, null);
        }
    }

    private static final String TEXT = "\"{\\\"text\\\":\\\"hi\\\"}\"";
    private static final String MESSAGES = "/open-apis/im/v1/messages";
    private static final String CHATS = "/open-apis/im/v1/chats";
    private static final String USERS = "/admin/v1/tenants/{tenant}/users";

    static final List<Route> ROUTES = List.of(
            // tenant and app tokens, long connections (all unauthenticated)
            new Route(
                    "POST",
                    "/open-apis/auth/v3/tenant_access_token/internal",
                    Auth.NONE,
                    "{\"app_id\":$V,\"app_secret\":\"x\"}"),
            new Route(
                    "POST",
                    "/open-apis/auth/v3/tenant_access_token/internal",
                    Auth.NONE,
                    "{\"app_id\":\"{app}\",\"app_secret\":$V}"),
            new Route(
                    "POST",
                    "/open-apis/auth/v3/app_access_token/internal",
                    Auth.NONE,
                    "{\"app_id\":$V,\"app_secret\":\"x\"}"),
            new Route("POST", "/callback/ws/endpoint", Auth.NONE, "{\"AppID\":$V,\"AppSecret\":\"x\"}"),
            new Route("POST", "/callback/ws/endpoint", Auth.NONE, "{\"AppID\":\"{app}\",\"AppSecret\":$V}"),
            // OAuth
            new Route(
                    "POST",
                    "/open-apis/authen/v2/oauth/token",
                    Auth.NONE,
                    "{\"grant_type\":\"authorization_code\",\"client_id\":$V,\"client_secret\":\"x\",\"code\":\"c\"}"),
            new Route(
                    "POST",
                    "/open-apis/authen/v2/oauth/token",
                    Auth.NONE,
                    "{\"grant_type\":\"authorization_code\",\"client_id\":\"{app}\",\"client_secret\":\"{secret}\",\"code\":$V}"),
            new Route(
                    "POST",
                    "/open-apis/authen/v2/oauth/token",
                    Auth.NONE,
                    "{\"grant_type\":\"refresh_token\",\"client_id\":\"{app}\",\"client_secret\":\"{secret}\",\"refresh_token\":$V}"),
            new Route(
                    "POST",
                    "/open-apis/authen/v1/access_token",
                    Auth.APP,
                    "{\"grant_type\":\"authorization_code\",\"code\":$V}"),
            new Route(
                    "POST",
                    "/open-apis/authen/v1/refresh_access_token",
                    Auth.APP,
                    "{\"grant_type\":\"refresh_token\",\"refresh_token\":$V}"),
            Route.get("/open-apis/authen/v1/user_info?x=$Q", Auth.USER),
            // chats
            new Route("POST", CHATS, Auth.TENANT, "{\"name\":$V}"),
            new Route("POST", CHATS + "?uuid=$Q", Auth.TENANT, "{\"name\":\"n\",\"user_id_list\":[$V]}"),
            new Route("POST", CHATS + "?user_id_type=$Q", Auth.TENANT, "{\"description\":$V}"),
            Route.get(CHATS + "?page_token=$Q", Auth.TENANT),
            Route.get(CHATS + "?sort_type=ByActiveTimeDesc&page_size=$Q", Auth.TENANT),
            Route.get(CHATS + "/search?query=$Q", Auth.TENANT),
            Route.get(CHATS + "/search?query=a&page_token=$Q", Auth.TENANT),
            Route.get(CHATS + "/$Q", Auth.TENANT),
            new Route("PUT", CHATS + "/{chat}", Auth.TENANT, "{\"name\":$V,\"description\":$V}"),
            new Route("PUT", CHATS + "/{chat}", Auth.TENANT, "{\"add_member_permission\":$V}"),
            new Route("POST", CHATS + "/{chat}/link", Auth.TENANT, "{\"validity_period\":$V}"),
            new Route("PATCH", CHATS + "/{chat}/announcement", Auth.TENANT, "{\"revision\":$V,\"requests\":[$V]}"),
            new Route(
                    "POST",
                    CHATS + "/{chat}/chat_tabs/update_tabs",
                    Auth.TENANT,
                    "{\"chat_tabs\":[{\"tab_id\":$V,\"tab_name\":$V}]}"),
            new Route(
                    "POST",
                    CHATS + "/{chat}/menu_tree",
                    Auth.TENANT,
                    "{\"menu_tree\":{\"chat_menu_top_levels\":[{\"chat_menu_item\":{\"action_type\":\"NONE\",\"name\":$V}}]}}"),
            new Route("PUT", CHATS + "/{chat}/moderation", Auth.TENANT, "{\"moderation_setting\":$V}"),
            new Route(
                    "POST",
                    CHATS + "/{chat}/top_notice/put_top_notice",
                    Auth.TENANT,
                    "{\"chat_top_notice\":[{\"action_type\":$V,\"message_id\":\"{msg}\"}]}"),
            // members
            new Route("POST", CHATS + "/{chat}/members?member_id_type=$Q", Auth.TENANT, "{\"id_list\":[\"{open}\"]}"),
            new Route("POST", CHATS + "/{chat}/members", Auth.TENANT, "{\"id_list\":[$V]}"),
            new Route("DELETE", CHATS + "/{chat}/members", Auth.TENANT, "{\"id_list\":[$V]}"),
            Route.get(CHATS + "/{chat}/members?page_token=$Q", Auth.TENANT),
            Route.get(CHATS + "/{chat}/members?member_id_type=$Q", Auth.TENANT),
            new Route("POST", CHATS + "/{chat}/managers/add_managers", Auth.TENANT, "{\"manager_ids\":[$V]}"),
            // messages
            new Route(
                    "POST",
                    MESSAGES + "?receive_id_type=chat_id",
                    Auth.TENANT,
                    "{\"receive_id\":$V,\"msg_type\":\"text\",\"content\":" + TEXT + ",\"uuid\":\"u-1\"}"),
            new Route(
                    "POST",
                    MESSAGES + "?receive_id_type=open_id",
                    Auth.TENANT,
                    "{\"receive_id\":$V,\"msg_type\":\"text\",\"content\":" + TEXT + ",\"uuid\":\"u-2\"}"),
            new Route(
                    "POST",
                    MESSAGES + "?receive_id_type=chat_id",
                    Auth.TENANT,
                    "{\"receive_id\":\"{chat}\",\"msg_type\":\"text\",\"content\":$V}"),
            new Route(
                    "POST",
                    MESSAGES + "?receive_id_type=chat_id",
                    Auth.TENANT,
                    "{\"receive_id\":\"{chat}\",\"msg_type\":$V,\"content\":\"{}\"}"),
            new Route(
                    "POST",
                    MESSAGES + "?receive_id_type=chat_id",
                    Auth.TENANT,
                    "{\"receive_id\":\"{chat}\",\"msg_type\":\"text\",\"content\":" + TEXT + ",\"uuid\":$V}"),
            new Route(
                    "POST",
                    MESSAGES + "?receive_id_type=$Q",
                    Auth.TENANT,
                    "{\"receive_id\":\"{chat}\",\"msg_type\":\"text\",\"content\":" + TEXT + "}"),
            new Route("POST", MESSAGES + "/{msg}/reply", Auth.TENANT, "{\"msg_type\":\"text\",\"content\":$V}"),
            new Route("POST", MESSAGES + "/$Q/reply", Auth.TENANT, "{\"msg_type\":\"text\",\"content\":" + TEXT + "}"),
            new Route("PUT", MESSAGES + "/{msg}", Auth.TENANT, "{\"msg_type\":\"text\",\"content\":$V}"),
            new Route("PATCH", MESSAGES + "/{msg}", Auth.TENANT, "{\"content\":$V}"),
            Route.get(MESSAGES + "?container_id_type=chat&container_id=$Q", Auth.TENANT),
            Route.get(MESSAGES + "?container_id_type=chat&container_id={chat}&start_time=$Q", Auth.TENANT),
            Route.get(MESSAGES + "?container_id_type=chat&container_id={chat}&page_token=$Q", Auth.TENANT),
            Route.get(MESSAGES + "?container_id_type=$Q&container_id={chat}", Auth.TENANT),
            Route.get(MESSAGES + "/$Q", Auth.TENANT),
            Route.delete(MESSAGES + "/$Q", Auth.TENANT),
            new Route("POST", MESSAGES + "/{msg}/forward?receive_id_type=chat_id", Auth.TENANT, "{\"receive_id\":$V}"),
            new Route(
                    "POST",
                    MESSAGES + "/merge_forward?receive_id_type=chat_id",
                    Auth.TENANT,
                    "{\"receive_id\":\"{chat}\",\"message_id_list\":[$V]}"),
            Route.get(MESSAGES + "/{msg}/read_users?user_id_type=open_id&page_token=$Q", Auth.TENANT),
            new Route(
                    "PATCH",
                    MESSAGES + "/{msg}/urgent_app?user_id_type=open_id",
                    Auth.TENANT,
                    "{\"user_id_list\":[$V]}"),
            new Route("POST", MESSAGES + "/{msg}/push_follow_up", Auth.TENANT, "{\"follow_ups\":[{\"content\":$V}]}"),
            new Route("POST", "/open-apis/im/v2/url_previews/batch_update", Auth.TENANT, "{\"preview_tokens\":[$V]}"),
            Route.get("/open-apis/im/v1/batch_messages/$Q/get_progress", Auth.TENANT),
            Route.get(MESSAGES + "/{msg}/resources/$Q?type=image", Auth.TENANT),
            // reactions and pins
            new Route("POST", MESSAGES + "/{msg}/reactions", Auth.TENANT, "{\"reaction_type\":{\"emoji_type\":$V}}"),
            Route.get(MESSAGES + "/{msg}/reactions?page_token=$Q", Auth.TENANT),
            Route.get(MESSAGES + "/{msg}/reactions?reaction_type=$Q", Auth.TENANT),
            Route.delete(MESSAGES + "/{msg}/reactions/$Q", Auth.TENANT),
            new Route("POST", "/open-apis/im/v1/pins", Auth.TENANT, "{\"message_id\":$V}"),
            Route.delete("/open-apis/im/v1/pins/$Q", Auth.TENANT),
            Route.get("/open-apis/im/v1/pins?chat_id={chat}&page_token=$Q", Auth.TENANT),
            Route.get("/open-apis/im/v1/pins?chat_id={chat}&start_time=$Q", Auth.TENANT),
            // images and files (the upload bodies are multipart, sent apart by the test)
            Route.get("/open-apis/im/v1/images/$Q", Auth.TENANT),
            Route.get("/open-apis/im/v1/files/$Q", Auth.TENANT),
            new Route("POST", "/open-apis/im/v1/images", Auth.TENANT, "{\"image_type\":$V}"),
            // legacy v4 routes
            new Route(
                    "POST",
                    "/open-apis/message/v4/send",
                    Auth.TENANT,
                    "{\"chat_id\":$V,\"msg_type\":\"text\",\"content\":{\"text\":\"x\"}}"),
            new Route(
                    "POST",
                    "/open-apis/message/v4/send",
                    Auth.TENANT,
                    "{\"chat_id\":\"{chat}\",\"msg_type\":\"text\",\"content\":{\"text\":$V}}"),
            new Route(
                    "POST",
                    "/open-apis/message/v4/batch_send",
                    Auth.TENANT,
                    "{\"msg_type\":\"text\",\"content\":{\"text\":\"x\"},\"open_ids\":[$V]}"),
            Route.get("/open-apis/chat/v4/info?chat_id=$Q", Auth.TENANT),
            new Route("POST", "/open-apis/bot/v4/add", Auth.TENANT, "{\"chat_id\":$V}"),
            new Route("POST", "/open-apis/interactive/v1/card/update", Auth.TENANT, "{\"token\":$V,\"card\":{}}"),
            new Route(
                    "POST",
                    "/open-apis/ephemeral/v1/send",
                    Auth.TENANT,
                    "{\"chat_id\":\"{chat}\",\"open_id\":$V,\"msg_type\":\"interactive\",\"card\":{}}"),
            new Route("POST", "/open-apis/ephemeral/v1/delete", Auth.TENANT, "{\"message_id\":$V}"),
            // directory
            Route.get("/open-apis/contact/v3/users/$Q?user_id_type=open_id", Auth.TENANT),
            new Route("POST", "/open-apis/contact/v3/users/batch_get_id", Auth.TENANT, "{\"emails\":[$V]}"),
            Route.get("/open-apis/bot/v3/info?x=$Q", Auth.TENANT),
            // admin API
            new Route("POST", "/admin/v1/tenants", Auth.ADMIN, "{\"name\":$V}"),
            new Route("POST", "/admin/v1/tenants", Auth.ADMIN, "{\"name\":\"t\",\"tenant_key\":$V}"),
            new Route("POST", "/admin/v1/tenants/{tenant}/apps", Auth.ADMIN, "{\"name\":$V}"),
            new Route("POST", "/admin/v1/tenants/{tenant}/apps", Auth.ADMIN, "{\"name\":\"a\",\"app_id\":$V}"),
            new Route("PATCH", "/admin/v1/apps/{spare}", Auth.ADMIN, "{\"name\":$V}"),
            new Route("POST", USERS, Auth.ADMIN, "{\"name\":$V}"),
            new Route("POST", USERS, Auth.ADMIN, "{\"name\":\"p\",\"user_id\":$V}"),
            new Route("POST", USERS, Auth.ADMIN, "{\"name\":\"p\",\"email\":$V}"),
            new Route("POST", USERS, Auth.ADMIN, "{\"name\":\"p\",\"mobile\":$V}"),
            Route.get(USERS + "?query=$Q", Auth.ADMIN),
            Route.get(USERS + "?page_token=$Q", Auth.ADMIN),
            Route.get("/admin/v1/tenants/$Q", Auth.ADMIN),
            new Route("PUT", "/admin/v1/apps/{spare}/event_settings", Auth.ADMIN, "{\"encrypt_key\":$V}"),
            new Route("PUT", "/admin/v1/apps/{spare}/event_settings", Auth.ADMIN, "{\"verification_token\":$V}"),
            new Route("PUT", "/admin/v1/apps/{spare}/redirect_uris", Auth.ADMIN, "{\"redirect_uris\":[$V]}"),
            new Route("PUT", "/admin/v1/apps/{spare}/owner", Auth.ADMIN, "{\"user_id\":$V}"),
            new Route("POST", "/admin/v1/chats/{chat}/custom_bots", Auth.ADMIN, "{\"name\":$V}"),
            new Route("POST", "/admin/v1/chats/{chat}/custom_bots", Auth.ADMIN, "{\"name\":\"b\",\"keywords\":[$V]}"),
            new Route(
                    "POST",
                    "/admin/v1/chats/{chat}/custom_bots",
                    Auth.ADMIN,
                    "{\"name\":\"b\",\"ip_allow_list\":[$V]}"),
            Route.get("/admin/v1/events?chat_id=$Q&app_id={app}", Auth.ADMIN),
            Route.get("/admin/v1/apps/{app}/deliveries?page_token=$Q", Auth.ADMIN),
            Route.get("/admin/v1/apps/{app}/deliveries?status=$Q", Auth.ADMIN),
            Route.get("/admin/v1/deliveries/$Q", Auth.ADMIN),
            new Route("PUT", USERS + "/{user}/password", Auth.ADMIN, "{\"password\":$V}"),
            new Route(
                    "POST",
                    USERS + "/{user}/messages",
                    Auth.ADMIN,
                    "{\"receive_id_type\":\"chat_id\",\"receive_id\":$V,\"msg_type\":\"text\",\"content\":" + TEXT
                            + ",\"app_id\":\"{app}\"}"),
            new Route("POST", USERS + "/{user}/reads", Auth.ADMIN, "{\"message_ids\":[$V],\"app_id\":\"{app}\"}"),
            new Route("POST", USERS + "/{user}/card_actions", Auth.ADMIN, "{\"message_id\":$V}"),
            new Route("POST", "/admin/v1/apps/{app}/user_access_tokens", Auth.ADMIN, "{\"user_id\":$V}"),
            // webhook hooks
            new Route(
                    "POST",
                    "/open-apis/bot/v2/hook/{hook}",
                    Auth.NONE,
                    "{\"msg_type\":\"text\",\"content\":{\"text\":$V}}"),
            new Route("POST", "/open-apis/bot/v2/hook/{hook}", Auth.NONE, "{\"msg_type\":$V,\"content\":{}}"),
            new Route(
                    "POST",
                    "/open-apis/bot/v2/hook/{hook}",
                    Auth.NONE,
                    "{\"timestamp\":$V,\"sign\":$V,\"msg_type\":\"text\",\"content\":{\"text\":\"x\"}}"),
            new Route(
                    "POST",
                    "/open-apis/bot/v2/hook/$Q",
                    Auth.NONE,
                    "{\"msg_type\":\"text\",\"content\":{\"text\":\"x\"}}"),
            Route.get("/healthz?x=$Q", Auth.NONE));
}
