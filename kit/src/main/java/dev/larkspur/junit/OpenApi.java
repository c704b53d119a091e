package dev.larkspur.junit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The few calls the kit makes as a seeded app: the group set-up a person asks for and reading a
 * card back (Open API, tenant token), and watching a chat (the admin API's view of it as the app).
 */
final class OpenApi {
    /** Feishu's codes for a token that no longer works: fetch a new one and try once more. */
    private static final List<Integer> STALE_TOKEN = List.of(99991663, 99991661, 99991668);

    private final Json http;
    private final String adminToken;
    private final Seed seed;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Which app reads which chat (the first one of the seed that is in it). */
    private final Map<String, String> readerOfChat = new ConcurrentHashMap<>();

    OpenApi(Json http, String adminToken, Seed seed) {
        this.http = http;
        this.adminToken = adminToken;
        this.seed = seed;
    }

    /**
     * Through the admin API's view of a chat as an app reads it, not the Open API: watching a chat
     * must spend none of the bot's rate limit and take none of the fault rules meant for it.
     */
    List<Message> messages(String chatId) {
        String appId = readerOf(chatId);
        var out = new ArrayList<Message>();
        String pageToken = null;
        for (int page = 0; page < 200; page++) {
            var data = http.call(
                    "GET",
                    history(chatId, appId) + "&page_size=50"
                            + (pageToken == null ? "" : "&page_token=" + enc(pageToken)),
                    adminToken,
                    null);
            data.path("items").forEach(item -> out.add(Message.of(item)));
            if (!data.path("has_more").asBoolean(false)) {
                break;
            }
            pageToken = data.path("page_token").asString();
        }
        return out;
    }

    private static String history(String chatId, String appId) {
        return "/admin/v1/chats/" + enc(chatId) + "/messages?app_id=" + enc(appId);
    }

    /** A message as the first app of the seed that may read it sees it. */
    Message message(String messageId) {
        JsonNode last = null;
        for (var app : seed.apps()) {
            last = call(app.appId(), "GET", "/open-apis/im/v1/messages/" + enc(messageId), null);
            if (last.path("code").asInt(-1) == 0) {
                return Message.of(last.path("data").path("items").path(0));
            }
        }
        throw new AssertionError("no app of the seed can read message " + messageId + ": " + last);
    }

    /** Calls as the app; the whole envelope, after one retry with a new token if the old one went stale. */
    JsonNode call(String appId, String method, String path, Object body) {
        var reply = http.send(method, path, token(appId), body);
        if (STALE_TOKEN.contains(reply.path("code").asInt())) {
            tokens.remove(appId);
            reply = http.send(method, path, token(appId), body);
        }
        return reply;
    }

    static JsonNode data(JsonNode reply, String what) {
        if (reply.path("code").asInt(-1) != 0) {
            throw new AssertionError("cannot " + what + ": " + reply);
        }
        return reply.path("data");
    }

    void forgetChats() {
        readerOfChat.clear();
    }

    private String readerOf(String chatId) {
        String known = readerOfChat.get(chatId);
        if (known != null) {
            return known;
        }
        JsonNode last = null;
        for (var app : seed.apps()) {
            last = http.send("GET", history(chatId, app.appId()) + "&page_size=1", adminToken, null);
            if (last.path("code").asInt(-1) == 0) {
                readerOfChat.put(chatId, app.appId());
                return app.appId();
            }
        }
        throw new AssertionError("no app of the seed is in chat " + chatId + " to read it: " + last);
    }

    private String token(String appId) {
        return tokens.computeIfAbsent(appId, id -> {
            var app = seed.app(id);
            var reply = http.send(
                    "POST",
                    "/open-apis/auth/v3/tenant_access_token/internal",
                    "",
                    Map.of("app_id", id, "app_secret", app.appSecret()));
            if (reply.path("code").asInt(-1) != 0) {
                throw new AssertionError("cannot get a tenant_access_token for " + id + ": " + reply);
            }
            return reply.path("tenant_access_token").asString();
        });
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
