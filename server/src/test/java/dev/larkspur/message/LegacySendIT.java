package dev.larkspur.message;

import static dev.larkspur.message.LegacyCalls.assertFails;
import static dev.larkspur.message.MessageFixtures.parse;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import dev.larkspur.support.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deprecated single send {@code POST /open-apis/message/v4/send/} (chyroc/lark's {@code
 * SendRawMessageOld}), through the SDK's raw post: targets read in the order chat_id, open_id,
 * user_id, email; v4 content; errors with v4 codes on HTTP 200.
 */
class LegacySendIT {
    private static TestServer server;
    private static MessageFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fixtures = new MessageFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A v4 body: the target fields given, then msg_type and content (or card). */
    private static Map<String, Object> body(Map<String, String> target, String msgType, Object content) {
        var body = new HashMap<String, Object>(target);
        body.put("msg_type", msgType);
        body.put(msgType.equals("interactive") ? "card" : "content", content);
        return body;
    }

    private static LegacyCalls.Reply sendText(MessageFixtures.Org org, Map<String, String> target, String text)
            throws Exception {
        return LegacyCalls.post(org.client, LegacyCalls.SEND, body(target, "text", Map.of("text", text)));
    }

    private static String messageId(LegacyCalls.Reply reply) {
        return LegacyCalls.ok(reply).data().path("message_id").asText();
    }

    @Test
    void sendingToAChatAnswersOnlyTheMessageId() throws Exception {
        var org = fixtures.org();
        String group = org.group();

        var reply = LegacyCalls.ok(sendText(org, Map.of("chat_id", group), "hello v4"));

        assertThat(reply.data().path("message_id").asText()).matches("om_[0-9a-f]{32}");
        assertThat(reply.data().propertyNames()).containsExactly("message_id");
        var message = org.get(reply.data().path("message_id").asText());
        assertThat(message.getChatId()).isEqualTo(group);
        assertThat(parse(message.getBody().getContent()).path("text").asText()).isEqualTo("hello v4");
    }

    @Test
    void thePathIsServedWithoutItsTrailingSlashToo() throws Exception {
        var org = fixtures.org();

        var reply = LegacyCalls.post(
                org.client,
                "/open-apis/message/v4/send",
                body(Map.of("chat_id", org.group()), "text", Map.of("text", "x")));

        LegacyCalls.ok(reply);
    }

    @Test
    void chatIdWinsOverThePersonIds() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String group = org.group(ann);

        String id = messageId(sendText(org, Map.of("chat_id", group, "open_id", ann.openId()), "to the group"));

        assertThat(org.get(id).getChatId()).isEqualTo(group);
    }

    @Test
    void openIdWinsOverUserIdAndEmail() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");

        String id = messageId(
                sendText(org, Map.of("open_id", ann.openId(), "user_id", bob.userId(), "email", bob.email()), "ann"));

        assertThat(org.get(id).getChatId()).isEqualTo(BatchCalls.p2pChat(org, ann));
    }

    @Test
    void userIdWinsOverEmail() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");

        String id = messageId(sendText(org, Map.of("user_id", ann.userId(), "email", bob.email()), "ann"));

        assertThat(org.get(id).getChatId()).isEqualTo(BatchCalls.p2pChat(org, ann));
    }

    @Test
    void anEmailReachesItsPerson() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");

        String id = messageId(sendText(org, Map.of("email", ann.email()), "by mail"));

        assertThat(org.get(id).getChatId()).isEqualTo(BatchCalls.p2pChat(org, ann));
    }

    @Test
    void rootIdMakesAReply() throws Exception {
        var org = fixtures.org();
        String group = org.group();
        String root = org.post(group, "question").getMessageId();

        String id = messageId(sendText(org, Map.of("chat_id", group, "root_id", root), "answer"));

        assertThat(org.get(id).getParentId()).isEqualTo(root);
        assertThat(org.get(id).getRootId()).isEqualTo(root);
    }

    @Test
    void aRootOutsideTheTargetChatIsRefused() throws Exception {
        var org = fixtures.org();
        String root = org.post(org.group(), "elsewhere").getMessageId();

        assertFails(sendText(org, Map.of("chat_id", org.group(), "root_id", root), "answer"), 10003);
    }

    @Test
    void anUnknownChatIsChatNotFound() throws Exception {
        var org = fixtures.org();

        assertFails(sendText(org, Map.of("chat_id", "oc_00000000000000000000000000000000"), "x"), 11231);
    }

    @Test
    void anUnknownOpenIdIsOpenIdNotExist() throws Exception {
        assertFails(sendText(fixtures.org(), Map.of("open_id", "ou_nobody"), "x"), 11101);
    }

    @Test
    void anUnknownUserIdIsUserIdNotExist() throws Exception {
        assertFails(sendText(fixtures.org(), Map.of("user_id", "nobody"), "x"), 11105);
    }

    @Test
    void anUnknownEmailIsUserNotFound() throws Exception {
        assertFails(sendText(fixtures.org(), Map.of("email", "nobody@message.test"), "x"), 10004);
    }

    @Test
    void aSendWithoutTargetIsAnInvalidParameter() throws Exception {
        assertFails(sendText(fixtures.org(), Map.of(), "x"), 10003);
    }

    @Test
    void theBotMustBeInTheChat() throws Exception {
        var org = fixtures.org();
        var elsewhere = ok(org.client(org.bot("Other Bot"))
                        .im()
                        .chat()
                        .create(CreateChatReq.newBuilder()
                                .createChatReqBody(CreateChatReqBody.newBuilder()
                                        .name("Elsewhere")
                                        .build())
                                .build()))
                .getData()
                .getChatId();

        assertFails(sendText(org, Map.of("chat_id", elsewhere), "x"), 10030);
    }

    @Test
    void anAppWithoutItsBotAbilityIsRefused() throws Exception {
        var org = fixtures.org();
        String group = org.group();
        server.admin().call("PATCH", "/admin/v1/apps/" + org.bot.appId(), Map.of("bot_enabled", false));

        assertFails(sendText(org, Map.of("chat_id", group), "x"), 11205);
    }

    @Test
    void richTextComesInsideThePostWrapper() throws Exception {
        var org = fixtures.org();
        var post = Map.of(
                "post",
                Map.of(
                        "en_us",
                        Map.of("title", "Notice", "content", List.of(List.of(Map.of("tag", "text", "text", "hi"))))));

        String id = messageId(
                LegacyCalls.post(org.client, LegacyCalls.SEND, body(Map.of("chat_id", org.group()), "post", post)));

        assertThat(org.get(id).getMsgType()).isEqualTo("post");
        assertThat(parse(org.get(id).getBody().getContent()).path("title").asText())
                .isEqualTo("Notice");
    }

    @Test
    void richTextRefusesTheMdTag() throws Exception {
        var org = fixtures.org();
        var post = Map.of(
                "post", Map.of("zh_cn", Map.of("content", List.of(List.of(Map.of("tag", "md", "text", "**b**"))))));

        assertFails(
                LegacyCalls.post(org.client, LegacyCalls.SEND, body(Map.of("chat_id", org.group()), "post", post)),
                11246);
    }

    @Test
    void aSharedChatIsNamedByShareChatId() throws Exception {
        var org = fixtures.org();
        String shared = org.group();

        String id = messageId(LegacyCalls.post(
                org.client,
                LegacyCalls.SEND,
                body(Map.of("chat_id", org.group()), "share_chat", Map.of("share_chat_id", shared))));

        assertThat(parse(org.get(id).getBody().getContent()).path("chat_id").asText())
                .isEqualTo(shared);
    }

    @Test
    void updateMultiMakesTheCardShared() throws Exception {
        var org = fixtures.org();
        var card = Map.of("elements", List.of(Map.of("tag", "hr")));
        var body = body(Map.of("chat_id", org.group()), "interactive", card);
        body.put("update_multi", true);

        String id = messageId(LegacyCalls.post(org.client, LegacyCalls.SEND, body));

        var asSent = org.rawGet("/open-apis/im/v1/messages/" + id + "?card_msg_content_type=user_card_content");
        var content = parse(asSent.path("data")
                .path("items")
                .get(0)
                .path("body")
                .path("content")
                .asText());
        assertThat(content.path("config").path("update_multi").asBoolean()).isTrue();
    }

    @Test
    void anAppWithoutASendScopeIsRefusedAtTheGateway() throws Exception {
        var org = fixtures.org();
        var reader = server.admin().app(org.tenantKey, "Reader", List.of("im:message:readonly"));

        var reply = LegacyCalls.post(
                org.client(reader),
                LegacyCalls.SEND,
                body(Map.of("chat_id", org.group()), "text", Map.of("text", "x")));

        assertThat(reply.code()).isEqualTo(99991672);
        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void aBodyThatIsNotJsonIsAnInvalidParameterOnHttp200() throws Exception {
        var org = fixtures.org();
        String token = server.http().tenantToken(org.bot.appId(), org.bot.appSecret());

        var reply = server.http().post(LegacyCalls.SEND, token, "{not json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo(10003);
    }
}
