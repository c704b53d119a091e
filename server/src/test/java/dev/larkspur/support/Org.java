package dev.larkspur.support;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * A fresh tenant for one test, with its main bot and that bot's SDK client; more bots and people on
 * demand. Each test builds its own, so tests never see each other's chats. The feature packages'
 * fixtures extend it with the calls their tests repeat.
 */
public class Org {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    protected final TestServer server;
    public final String tenantKey;
    public final Admin.AppCreds bot;
    public final Client client;

    /** A new tenant named {@code tenantName} and a number, with one bot (all default scopes). */
    protected Org(TestServer server, String tenantName, String botName) {
        this.server = server;
        this.tenantKey = server.admin().tenant(tenantName + " " + SEQUENCE.incrementAndGet());
        this.bot = server.admin().app(tenantKey, botName);
        this.client = Sdk.client(server, bot);
    }

    public Admin.AppCreds bot(String name) {
        return server.admin().app(tenantKey, name);
    }

    public Admin.AppCreds bot(String name, List<String> scopes) {
        return server.admin().app(tenantKey, name, scopes);
    }

    /** A bot of this tenant whose bot ability is switched off. */
    public Admin.AppCreds botWithoutBotAbility(String name) {
        var app = bot(name);
        Admin.ok(server.admin().call("PATCH", "/admin/v1/apps/" + app.appId(), Map.of("bot_enabled", false)));
        return app;
    }

    public Client client(Admin.AppCreds app) {
        return Sdk.client(server, app);
    }

    /** A new person of the tenant, with a unique user_id and email. */
    public Person person(String name) {
        String userId = "u" + SEQUENCE.incrementAndGet();
        String email = userId + "@people.test";
        var created = server.admin().user(tenantKey, Map.of("name", name, "user_id", userId, "email", email));
        return new Person(
                userId,
                name,
                email,
                created.path("open_ids").path(bot.appId()).asText(),
                created.path("union_id").asText());
    }

    public List<Person> people(String namePrefix, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> person(namePrefix + " " + i))
                .toList();
    }

    /** The open_id another app of the tenant knows the person by. */
    public String openIdIn(Admin.AppCreds app, Person person) {
        var user = Admin.ok(
                server.admin().call("GET", "/admin/v1/tenants/" + tenantKey + "/users/" + person.userId(), null));
        return user.path("open_ids").path(app.appId()).asText();
    }

    public String botOpenId(Admin.AppCreds app) {
        return Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + app.appId(), null))
                .path("bot_open_id")
                .asText();
    }

    /** Request options that make a client act as the person (a user token of the main bot). */
    public RequestOptions as(Person person) {
        return RequestOptions.newBuilder()
                .userAccessToken(server.admin().userToken(bot.appId(), person.userId()))
                .build();
    }

    public String tenantToken() {
        return server.http().tenantToken(bot.appId(), bot.appSecret());
    }

    /** The chat's recorded events, as {@code viewer} would receive them, oldest first. */
    public List<JsonNode> events(String chatId, Admin.AppCreds viewer) {
        var data = Admin.ok(
                server.admin().call("GET", "/admin/v1/events?chat_id=" + chatId + "&app_id=" + viewer.appId(), null));
        var result = new ArrayList<JsonNode>();
        data.path("items").forEach(result::add);
        return result;
    }

    public List<JsonNode> events(String chatId, Admin.AppCreds viewer, String eventType) {
        return events(chatId, viewer).stream()
                .filter(e -> e.path("event_type").asText().equals(eventType))
                .toList();
    }
}
