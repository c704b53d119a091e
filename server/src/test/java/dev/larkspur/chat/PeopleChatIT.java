package dev.larkspur.chat;

import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageResp;
import com.lark.oapi.service.im.v1.model.GetChatMembersReq;
import com.lark.oapi.service.im.v1.model.GetChatReq;
import com.lark.oapi.service.im.v1.model.GetMessageReq;
import com.lark.oapi.service.im.v1.model.ListChatReq;
import com.lark.oapi.service.im.v1.model.ListMessageReq;
import com.lark.oapi.service.im.v1.model.P2MessageReadV1;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.Person;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * p2p chats between two people (issue 17): a user token writing to a person opens, or reuses, the
 * one chat of the two, which both list, read and write into; Feishu's refusals; and no bot ever
 * sees, reads or hears of such a chat, whatever its scopes.
 */
class PeopleChatIT {
    private static TestServer server;
    private static ChatFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("larkspur.events.poll-millis", "50"));
        fixtures = new ChatFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static CreateMessageResp write(
            ChatFixtures.Org org, Person from, String idType, String to, String text, String uuid) throws Exception {
        var body =
                CreateMessageReqBody.newBuilder().receiveId(to).msgType("text").content("{\"text\":\"" + text + "\"}");
        if (uuid != null) {
            body.uuid(uuid);
        }
        return org.client
                .im()
                .message()
                .create(
                        CreateMessageReq.newBuilder()
                                .receiveIdType(idType)
                                .createMessageReqBody(body.build())
                                .build(),
                        org.as(from));
    }

    private static CreateMessageResp write(ChatFixtures.Org org, Person from, Person to, String text) throws Exception {
        return write(org, from, "open_id", to.openId(), text, null);
    }

    /**
     * The chat's history as the person reads it with their user token. Raw HTTP: the Java SDK
     * declares message list for tenant tokens only, though Feishu serves it to user tokens too.
     */
    private static List<String> history(ChatFixtures.Org org, String chatId, Person as) {
        String token = server.admin().userToken(org.bot.appId(), as.userId());
        var reply = server.http().get("/open-apis/im/v1/messages?container_id_type=chat&container_id=" + chatId, token);
        assertThat(reply.code()).as(reply.body().toString()).isZero();
        var texts = new ArrayList<String>();
        for (JsonNode m : reply.body().path("data").path("items")) {
            texts.add(m.path("body").path("content").asText());
        }
        return texts;
    }

    private static List<String> listedChats(ChatFixtures.Org org, RequestOptions as) throws Exception {
        var items = ok(org.client.im().chat().list(ListChatReq.newBuilder().build(), as))
                .getData()
                .getItems();
        return items == null
                ? List.of()
                : Arrays.stream(items).map(i -> i.getChatId()).toList();
    }

    @Test
    void aPersonWritingToAPersonOpensTheOneChatOfTheTwoWhichBothListReadAndWriteInto() throws Exception {
        var org = fixtures.org();
        var alice = org.person("Alice");
        var bob = org.person("Bob");
        var email = "bob." + bob.userId() + "@example.com";
        Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + org.tenantKey + "/users",
                        Map.of("name", "Carol", "user_id", "c" + bob.userId(), "email", email)));

        var first = ok(write(org, alice, bob, "hi Bob")).getData();
        String chatId = first.getChatId();
        assertThat(first.getSender().getSenderType()).isEqualTo("user");
        assertThat(first.getSender().getId()).isEqualTo(alice.openId());
        // Bob answers by union_id, Alice again by user_id: the same chat each time, either way.
        assertThat(ok(write(org, bob, "union_id", alice.unionId(), "hi Alice", null))
                        .getData()
                        .getChatId())
                .isEqualTo(chatId);
        assertThat(ok(write(org, alice, "user_id", bob.userId(), "lunch?", null))
                        .getData()
                        .getChatId())
                .isEqualTo(chatId);
        // A third person by email gets a chat of their own with Alice.
        String withCarol = ok(write(org, alice, "email", email, "hello Carol", null))
                .getData()
                .getChatId();
        assertThat(withCarol).isNotEqualTo(chatId);

        for (var person : List.of(alice, bob)) {
            var chat = ok(org.client
                            .im()
                            .chat()
                            .get(GetChatReq.newBuilder().chatId(chatId).build(), org.as(person)))
                    .getData();
            assertThat(chat.getChatMode()).isEqualTo("p2p");
            assertThat(chat.getUserCount()).isEqualTo("2");
            assertThat(chat.getBotCount()).isEqualTo("0");
            assertThat(listedChats(org, org.as(person))).contains(chatId);
            assertThat(history(org, chatId, person))
                    .containsExactly("{\"text\":\"hi Bob\"}", "{\"text\":\"hi Alice\"}", "{\"text\":\"lunch?\"}");
        }
        assertThat(listedChats(org, org.as(bob))).doesNotContain(withCarol);
    }

    @Test
    void theAdminActsAsAPersonWritingToAPerson() throws Exception {
        var org = fixtures.org();
        var alice = org.person("Alice");
        var bob = org.person("Bob");
        var sent = Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + org.tenantKey + "/users/" + alice.userId() + "/messages",
                        Map.of(
                                "receive_id_type",
                                "user_id",
                                "receive_id",
                                bob.userId(),
                                "msg_type",
                                "text",
                                "content",
                                "{\"text\":\"from the console\"}")));
        String chatId = sent.path("chat_id").asText();

        assertThat(ok(write(org, bob, alice, "got it")).getData().getChatId()).isEqualTo(chatId);
        assertThat(history(org, chatId, bob))
                .containsExactly("{\"text\":\"from the console\"}", "{\"text\":\"got it\"}");
    }

    @Test
    void writingToOneselfToAPersonWhoLeftOrToAnotherTenantIsRefused() throws Exception {
        var org = fixtures.org();
        var alice = org.person("Alice");
        var gone = org.person("Gone");
        server.bean(JdbcClient.class)
                .sql("update directory_user set resigned = true where user_id = ?")
                .param(gone.userId())
                .update();
        var elsewhere = fixtures.org().person("Elsewhere");

        assertFails(write(org, alice, alice, "me"), 230001);
        assertFails(write(org, alice, gone, "hello?"), 230029);
        assertFails(write(org, alice, "union_id", elsewhere.unionId(), "hi", null), 230038);
        assertFails(write(org, alice, "open_id", "ou_" + "0".repeat(32), "hi", null), 230001);
        assertThat(listedChats(org, org.as(alice))).isEmpty();
    }

    @Test
    void aRepeatedUuidIsOneMessagePerSender() throws Exception {
        var org = fixtures.org();
        var alice = org.person("Alice");
        var bob = org.person("Bob");
        var carol = org.person("Carol");

        var once = ok(write(org, alice, "open_id", bob.openId(), "once", "same-key"))
                .getData()
                .getMessageId();
        assertThat(ok(write(org, alice, "open_id", bob.openId(), "once", "same-key"))
                        .getData()
                        .getMessageId())
                .isEqualTo(once);
        var carols = ok(write(org, carol, "open_id", bob.openId(), "mine", "same-key"))
                .getData();
        assertThat(carols.getMessageId()).isNotEqualTo(once);
        assertThat(history(org, carols.getChatId(), bob)).containsExactly("{\"text\":\"mine\"}");
    }

    @Test
    void noBotSeesReadsOrHearsOfAChatBetweenPeopleWhateverItsScopes() throws Exception {
        var org = fixtures.org();
        var alice = org.person("Alice");
        var bob = org.person("Bob");
        // The main bot holds every default scope, the group-message scope among them; it hears all.
        var heard = new CopyOnWriteArrayList<String>();
        var reads = new CopyOnWriteArrayList<String>();
        var dispatcher = EventDispatcher.newBuilder("vt", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        heard.add(event.getEvent().getMessage().getChatId());
                    }
                })
                .onP2MessageReadV1(new ImService.P2MessageReadV1Handler() {
                    @Override
                    public void handle(P2MessageReadV1 event) {
                        reads.add(String.join(",", event.getEvent().getMessageIdList()));
                    }
                })
                .build();
        try (var receiver = new EventReceiver(dispatcher)) {
            Admin.ok(server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/apps/" + org.bot.appId() + "/event_settings",
                            Map.of("request_url", receiver.url(), "verification_token", "vt")));
            var hello = ok(write(org, alice, bob, "just us")).getData();
            String chatId = hello.getChatId();
            ok(write(org, bob, alice, "indeed"));
            Admin.ok(server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + org.tenantKey + "/users/" + bob.userId() + "/reads",
                            Map.of("message_ids", List.of(hello.getMessageId()), "app_id", org.bot.appId())));
            Admin.ok(server.admin()
                    .call(
                            "POST",
                            "/admin/v1/tenants/" + org.tenantKey + "/users/" + bob.userId() + "/reactions",
                            Map.of("message_id", hello.getMessageId(), "emoji_type", "SMILE")));

            // With the bot's own token, whatever it asks: it is not in the chat.
            assertFails(
                    org.client
                            .im()
                            .chat()
                            .get(GetChatReq.newBuilder().chatId(chatId).build()),
                    232011);
            assertFails(
                    org.client
                            .im()
                            .message()
                            .list(ListMessageReq.newBuilder()
                                    .containerIdType("chat")
                                    .containerId(chatId)
                                    .build()),
                    230002);
            assertFails(
                    org.client
                            .im()
                            .message()
                            .get(GetMessageReq.newBuilder()
                                    .messageId(hello.getMessageId())
                                    .build()),
                    230002);
            assertFails(
                    org.client
                            .im()
                            .message()
                            .create(CreateMessageReq.newBuilder()
                                    .receiveIdType("chat_id")
                                    .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                            .receiveId(chatId)
                                            .msgType("text")
                                            .content("{\"text\":\"may I?\"}")
                                            .build())
                                    .build()),
                    230002);
            assertThat(org.client
                            .im()
                            .chatMembers()
                            .get(GetChatMembersReq.newBuilder().chatId(chatId).build())
                            .getCode())
                    .isNotZero();
            assertThat(listedChats(org, RequestOptions.newBuilder().build())).doesNotContain(chatId);

            // A group message the bot does hear marks the point by which the people's events,
            // recorded earlier, have been fanned out.
            String group = org.chat("Team", alice);
            ok(org.client
                    .im()
                    .message()
                    .create(
                            CreateMessageReq.newBuilder()
                                    .receiveIdType("chat_id")
                                    .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                            .receiveId(group)
                                            .msgType("text")
                                            .content("{\"text\":\"in the group\"}")
                                            .build())
                                    .build(),
                            org.as(alice)));
            await().atMost(Duration.ofSeconds(20)).until(() -> heard.contains(group));
            await().atMost(Duration.ofSeconds(20)).until(PeopleChatIT::backlogIsEmpty);

            var peopleEvents = new HashSet<String>();
            for (JsonNode e : Admin.ok(server.admin()
                            .call("GET", "/admin/v1/events?chat_id=" + chatId + "&app_id=" + org.bot.appId(), null))
                    .path("items")) {
                peopleEvents.add(e.path("event_id").asText());
            }
            assertThat(peopleEvents).as("the people's chat records its events").isNotEmpty();
            var delivered = new HashSet<String>();
            for (JsonNode d : Admin.ok(
                            server.admin().call("GET", "/admin/v1/apps/" + org.bot.appId() + "/deliveries", null))
                    .path("items")) {
                delivered.add(d.path("event_id").asText());
            }
            assertThat(delivered).isNotEmpty().doesNotContainAnyElementsOf(peopleEvents);
            assertThat(heard).doesNotContain(chatId);
            assertThat(reads).isEmpty();
        }
    }

    private static boolean backlogIsEmpty() {
        return Admin.ok(server.admin().call("GET", "/admin/v1/events/backlog", null))
                        .path("unfanned")
                        .asLong()
                == 0;
    }
}
