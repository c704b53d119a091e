package dev.larkspur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.CreateChatResp;
import dev.larkspur.support.Admin;
import dev.larkspur.support.RawHttp;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Fresh tenants, bots and people for the chat integration tests, and the few calls every test
 * repeats. Each test builds its own {@link Org}, so tests never see each other's chats.
 */
final class ChatFixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final TestServer server;

    ChatFixtures(TestServer server) {
        this.server = server;
    }

    /** A person of a tenant, with the ids the tenant's main bot knows them by. */
    record Person(String userId, String name, String openId, String unionId) {}

    /** A new tenant with one bot (all default scopes) and its SDK client. */
    Org org() {
        String key = server.admin().tenant("Chat Co " + SEQUENCE.incrementAndGet());
        return new Org(key, server.admin().app(key, "Main Bot"));
    }

    /** One tenant: its main bot, more bots and people on demand. */
    final class Org {
        final String tenantKey;
        final Admin.AppCreds bot;
        final Client client;

        private Org(String tenantKey, Admin.AppCreds bot) {
            this.tenantKey = tenantKey;
            this.bot = bot;
            this.client = Sdk.client(server, bot);
        }

        Admin.AppCreds bot(String name) {
            return server.admin().app(tenantKey, name);
        }

        Admin.AppCreds bot(String name, List<String> scopes) {
            return server.admin().app(tenantKey, name, scopes);
        }

        /** A bot of this tenant whose bot ability is switched off. */
        Admin.AppCreds botWithoutBotAbility(String name) {
            var app = bot(name);
            Admin.ok(server.admin().call("PATCH", "/admin/v1/apps/" + app.appId(), Map.of("bot_enabled", false)));
            return app;
        }

        Client client(Admin.AppCreds app) {
            return Sdk.client(server, app);
        }

        Person person(String name) {
            String userId = "u" + SEQUENCE.incrementAndGet();
            var created = server.admin().user(tenantKey, Map.of("name", name, "user_id", userId));
            return new Person(
                    userId,
                    name,
                    created.path("open_ids").path(bot.appId()).asText(),
                    created.path("union_id").asText());
        }

        List<Person> people(String namePrefix, int count) {
            return IntStream.rangeClosed(1, count)
                    .mapToObj(i -> person(namePrefix + " " + i))
                    .toList();
        }

        /** The open_id another app of the tenant knows the person by. */
        String openIdIn(Admin.AppCreds app, Person person) {
            var user = Admin.ok(
                    server.admin().call("GET", "/admin/v1/tenants/" + tenantKey + "/users/" + person.userId(), null));
            return user.path("open_ids").path(app.appId()).asText();
        }

        String botOpenId(Admin.AppCreds app) {
            return Admin.ok(server.admin().call("GET", "/admin/v1/apps/" + app.appId(), null))
                    .path("bot_open_id")
                    .asText();
        }

        /** Request options that make the main bot's client act as the person (a user token). */
        RequestOptions as(Person person) {
            return RequestOptions.newBuilder()
                    .userAccessToken(server.admin().userToken(bot.appId(), person.userId()))
                    .build();
        }

        String tenantToken() {
            return server.http().tenantToken(bot.appId(), bot.appSecret());
        }

        /** A plain GET with the main bot's tenant token, to see the JSON as sent. */
        RawHttp.Reply rawGet(String path) {
            return server.http().get(path, tenantToken());
        }

        CreateChatResp create(CreateChatReqBody body) throws Exception {
            return client.im()
                    .chat()
                    .create(CreateChatReq.newBuilder().createChatReqBody(body).build());
        }

        /** A chat created by another bot of the tenant. */
        CreateChatResp createAs(Admin.AppCreds app, CreateChatReqBody body) throws Exception {
            return client(app)
                    .im()
                    .chat()
                    .create(CreateChatReq.newBuilder().createChatReqBody(body).build());
        }

        /** A private chat owned by the main bot, with these people in it. */
        String chat(String name, Person... people) throws Exception {
            return ok(create(CreateChatReqBody.newBuilder()
                            .name(name)
                            .userIdList(openIds(people))
                            .build()))
                    .getData()
                    .getChatId();
        }

        /** A private chat created by the main bot, owned by {@code owner}, with these people in it. */
        String chatOwnedBy(Person owner, String name, Person... people) throws Exception {
            return ok(create(CreateChatReqBody.newBuilder()
                            .name(name)
                            .ownerId(owner.openId())
                            .userIdList(openIds(people))
                            .build()))
                    .getData()
                    .getChatId();
        }

        /** The chat's recorded events, as {@code viewer} would receive them, oldest first. */
        List<JsonNode> events(String chatId, Admin.AppCreds viewer) {
            var data = Admin.ok(server.admin()
                    .call("GET", "/admin/v1/events?chat_id=" + chatId + "&app_id=" + viewer.appId(), null));
            var result = new ArrayList<JsonNode>();
            data.path("items").forEach(result::add);
            return result;
        }

        List<JsonNode> events(String chatId, Admin.AppCreds viewer, String eventType) {
            return events(chatId, viewer).stream()
                    .filter(e -> e.path("event_type").asText().equals(eventType))
                    .toList();
        }
    }

    static String[] openIds(Person... people) {
        return java.util.Arrays.stream(people).map(Person::openId).toArray(String[]::new);
    }

    static String[] openIds(List<Person> people) {
        return people.stream().map(Person::openId).toArray(String[]::new);
    }

    /** Asserts success and hands the response back. */
    static <T extends BaseResponse<?>> T ok(T response) {
        assertThat(response.getCode()).as(response.getMsg()).isZero();
        return response;
    }

    /** Asserts a Feishu business error: its code, on HTTP 400. */
    static void assertFails(BaseResponse<?> response, int code) {
        assertThat(response.getCode()).as(response.getMsg()).isEqualTo(code);
        assertThat(response.getRawResponse().getStatusCode()).isEqualTo(400);
    }
}
