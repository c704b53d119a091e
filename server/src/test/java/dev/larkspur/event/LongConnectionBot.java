package dev.larkspur.event;

import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.ws.Client;
import com.lark.oapi.ws.ClientStopper;
import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant with a person (Ann) and a bot in long-connection mode (or with other event settings, or
 * none), whose SDK clients the fixture starts and, on close, stops.
 */
final class LongConnectionBot implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final TestServer server;
    final String tenant;
    final Admin.AppCreds app;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final List<RawLongConnection> raw = new CopyOnWriteArrayList<>();

    LongConnectionBot(TestServer server) {
        // Only messages: the tests count and order message deliveries, and Ann's first message also
        // raises p2p_chat_create.
        this(
                server,
                appId -> Map.of(
                        "mode",
                        "websocket",
                        "verification_token",
                        "vt-" + appId,
                        "event_types",
                        List.of("im.message.receive_v1")));
    }

    /** With the event settings made from the new app's id, or none at all when they are null. */
    LongConnectionBot(TestServer server, Function<String, Map<String, Object>> settings) {
        this.server = server;
        this.tenant = server.admin().tenant("Socket Co");
        this.app = server.admin().app(tenant, "Socket Bot");
        server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
        var body = settings.apply(app.appId());
        if (body != null) {
            Admin.ok(server.admin().call("PUT", "/admin/v1/apps/" + app.appId() + "/event_settings", body));
        }
    }

    /** Starts an SDK client as a bot would; {@code start()} throws when the SDK gives up for good. */
    Client connect(EventDispatcher dispatcher) {
        return connect(app.appSecret(), dispatcher);
    }

    Client connect(String secret, EventDispatcher dispatcher) {
        var client = new Client.Builder(app.appId(), secret)
                .domain(server.baseUrl())
                .eventHandler(dispatcher)
                .build();
        clients.add(client);
        client.start();
        return client;
    }

    /** A hand-made connection through the endpoint that pings like an SDK. */
    RawLongConnection connectRaw() {
        return connectRaw(endpoint(server.baseUrl()).path("data").path("URL").asString())
                .keepAlive();
    }

    /** A hand-made connection to an endpoint URL that pings only when told to. */
    RawLongConnection connectRaw(String url) {
        var connection = RawLongConnection.open(url);
        raw.add(connection);
        return connection;
    }

    JsonNode endpoint(String baseUrl) {
        return endpoint(baseUrl, "{\"AppID\": \"" + app.appId() + "\", \"AppSecret\": \"" + app.appSecret() + "\"}");
    }

    static JsonNode endpoint(String baseUrl, String body) {
        try {
            var response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/callback/ws/endpoint"))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("locale", "zh")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("the endpoint answered HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void awaitConnections(int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> connections().size() == count);
    }

    JsonNode connections() {
        return connectionList().path("items");
    }

    /** The admin connections list: {@code mode}, {@code warning} and the live {@code items}. */
    JsonNode connectionList() {
        return Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + app.appId() + "/connections", null));
    }

    JsonNode annWrites(String text) {
        return Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + tenant + "/users/ann/messages",
                        Map.of(
                                "receive_id_type",
                                "app_id",
                                "receive_id",
                                app.appId(),
                                "msg_type",
                                "text",
                                "content",
                                "{\"text\":\"" + text + "\"}")));
    }

    JsonNode deliveries() {
        return Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + app.appId() + "/deliveries", null))
                .path("items");
    }

    @Override
    public void close() {
        clients.forEach(ClientStopper::stop);
        raw.forEach(RawLongConnection::close);
    }
}
