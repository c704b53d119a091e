package dev.larkspur.junit;

import static org.awaitility.Awaitility.await;

import com.lark.oapi.Client;
import com.lark.oapi.core.cache.ICache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * The embedded Larkspur as a test sees it: where it listens, SDK clients for the seed's apps, people
 * to act as, what bots sent and what was pushed to them, fault rules, and {@link #reset()}.
 */
public final class Larkspur {
    /** How long {@link #awaitMessage(String, Predicate)} waits by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final String adminToken;
    private final Seed seed;
    private final Json http;
    private final OpenApi openApi;
    private final Faults faults;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    /** The SDK caches tokens by app_id alone; a cache per server keeps two servers' tokens apart. */
    private final TokenCache tokenCache = new TokenCache();
    /** Each person's p2p chat with each bot, as learnt from their messages: "user_id app_id" to chat_id. */
    final Map<String, String> botChats = new ConcurrentHashMap<>();

    Larkspur(String baseUrl, String adminToken, Seed seed) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
        this.seed = seed;
        this.http = new Json(baseUrl);
        this.openApi = new OpenApi(http, adminToken, seed);
        this.faults = new Faults(this);
    }

    /** {@code http://127.0.0.1:<port>}: the SDK's {@code openBaseUrl} and the long connection's {@code domain}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The bearer token of the admin API ({@code /admin/v1}). */
    public String adminToken() {
        return adminToken;
    }

    /** The seed's first app. */
    public SeededApp app() {
        return seed.apps().get(0);
    }

    public SeededApp app(String appId) {
        return seed.app(appId);
    }

    /** Every app of the seed, in its order. */
    public List<SeededApp> apps() {
        return seed.apps();
    }

    /** An SDK client for the seed's first app, pointed at this server. */
    public Client client() {
        return client(app().appId());
    }

    /**
     * An SDK client for a seeded app, pointed at this server, with a token cache of this server's
     * own (the SDK's default cache is one per JVM, keyed by app_id only).
     */
    public Client client(String appId) {
        var app = seed.app(appId);
        return clients.computeIfAbsent(appId, id -> Client.newBuilder(id, app.appSecret())
                .openBaseUrl(baseUrl)
                .tokenCache(tokenCache)
                .build());
    }

    /** Acting as a person of the seed (or one the test created in the seed's first tenant). */
    public Person person(String userId) {
        return new Person(this, seed.tenantOf(userId), userId);
    }

    /**
     * The chat's messages, oldest first, as the seed's first app in the chat reads them (the Open
     * API's view, read through the admin API so that the bot's rate limit and fault rules are untouched).
     */
    public List<Message> messages(String chatId) {
        return openApi.messages(chatId);
    }

    /** The first message in the chat sent by a bot that matches, waiting up to {@link #DEFAULT_TIMEOUT}. */
    public Message awaitMessage(String chatId, Predicate<Message> match) {
        return awaitMessage(chatId, match, DEFAULT_TIMEOUT);
    }

    /** The first message in the chat sent by a bot that matches, waiting up to {@code timeout}. */
    public Message awaitMessage(String chatId, Predicate<Message> match, Duration timeout) {
        var seen = new ArrayList<List<Message>>(List.of(List.of()));
        try {
            return await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> {
                                var messages = messages(chatId);
                                seen.set(0, messages);
                                return messages.stream()
                                        .filter(Message::fromBot)
                                        .filter(match)
                                        .findFirst();
                            },
                            Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "no bot message in " + chatId + " matched within " + timeout + "; the chat holds " + seen.get(0));
        }
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} until the seed's first app has a live long connection. */
    public void awaitConnection() {
        awaitConnection(app().appId());
    }

    /**
     * Waits up to {@link #DEFAULT_TIMEOUT} until the app has a live long connection to this server: a
     * bot started with the SDK's {@code ws.Client} is ready for events once this returns.
     */
    public void awaitConnection(String appId) {
        try {
            await().atMost(DEFAULT_TIMEOUT)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !admin("GET", "/admin/v1/apps/" + appId + "/connections", null)
                            .path("items")
                            .isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("app " + appId + " has no long connection after " + DEFAULT_TIMEOUT);
        }
    }

    /**
     * What was pushed (or is being pushed) to the app since the last reset, newest first: each
     * delivery with its status and the event as the app receives it.
     */
    public List<Delivery> deliveries(String appId) {
        var out = new ArrayList<Delivery>();
        String token = null;
        for (int page = 0; page < 100; page++) {
            String path = "/admin/v1/apps/" + appId + "/deliveries?page_size=200"
                    + (token == null ? "" : "&page_token=" + token);
            var data = admin("GET", path, null);
            for (JsonNode d : data.path("items")) {
                String id = d.path("delivery_id").asString();
                out.add(new Delivery(
                        id,
                        d.path("event_id").asString(),
                        d.path("event_type").asString(),
                        d.path("status").asString(),
                        d.path("attempts").asInt(),
                        admin("GET", "/admin/v1/deliveries/" + id + "/event", null)));
            }
            if (!data.path("has_more").asBoolean(false)) {
                break;
            }
            token = data.path("page_token").asString();
        }
        return out;
    }

    /** Fault rules: Feishu's bad days on demand. */
    public Faults faults() {
        return faults;
    }

    /**
     * Back to the seed's state: every chat, message, event and delivery gone, people and apps as
     * the seed has them, no fault rules but the seed's. Done before each test method.
     */
    public void reset() {
        admin("POST", "/admin/v1/testing/reset", null);
        botChats.clear();
        openApi.forgetChats();
    }

    /** Calls the admin API and answers the envelope's {@code data}; a non-zero code fails the test. */
    public JsonNode admin(String method, String path, Object body) {
        return http.call(method, path, adminToken, body);
    }

    OpenApi openApi() {
        return openApi;
    }

    /** Stops an SDK long-connection client for good (the SDK has no public way to stop one). */
    public static void disconnect(com.lark.oapi.ws.Client client) {
        LongConnectionStopper.stop(client);
    }

    private static final class TokenCache implements ICache {
        private record Entry(String value, long expiresAtNanos) {}

        private final Map<String, Entry> entries = new ConcurrentHashMap<>();

        @Override
        public String get(String key) {
            var e = entries.get(key);
            return e == null || System.nanoTime() - e.expiresAtNanos() > 0 ? "" : e.value();
        }

        @Override
        public void set(String key, String value, int expire, TimeUnit unit) {
            entries.put(key, new Entry(value, System.nanoTime() + unit.toNanos(expire)));
        }
    }
}
