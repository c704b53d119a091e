package dev.larkspur.message;

import static dev.larkspur.message.LegacyCalls.assertFails;
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
 * Ephemeral cards (spec/message.md §3.19) through the SDK's raw post: only in conversation groups,
 * to a member, interactive only, a limited number per group. The server allows three per group per
 * hour instead of 40 a second, so that the limit is reached without racing the clock.
 */
class EphemeralIT {
    private static final Map<String, Object> CARD = Map.of(
            "header", Map.of("title", Map.of("tag", "plain_text", "content", "Just you")), "elements", List.of());

    private static TestServer server;
    private static MessageFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "larkspur.message-limits.ephemeral-per-chat", 3, "larkspur.message-limits.ephemeral-window", "1h"));
        fixtures = new MessageFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static LegacyCalls.Reply send(MessageFixtures.Org org, String chatId, Map<String, String> viewer)
            throws Exception {
        return send(org, chatId, viewer, "interactive", CARD);
    }

    private static LegacyCalls.Reply send(
            MessageFixtures.Org org, String chatId, Map<String, String> viewer, String msgType, Object card)
            throws Exception {
        var body = new HashMap<String, Object>(viewer);
        body.put("chat_id", chatId);
        body.put("msg_type", msgType);
        body.put("card", card);
        return LegacyCalls.post(org.client, LegacyCalls.EPHEMERAL_SEND, body);
    }

    private static LegacyCalls.Reply delete(MessageFixtures.Org org, String messageId) throws Exception {
        return LegacyCalls.post(org.client, LegacyCalls.EPHEMERAL_DELETE, Map.of("message_id", messageId));
    }

    @Test
    void aCardForOneMemberAnswersItsMessageId() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");

        var reply = LegacyCalls.ok(send(org, org.group(ann), Map.of("open_id", ann.openId())));

        assertThat(reply.data().path("message_id").asText()).matches("om_[0-9a-f]{32}");
    }

    @Test
    void anEphemeralCardStaysOutOfTheChatHistory() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String group = org.group(ann);
        int before = org.chatHistory(group).size();

        LegacyCalls.ok(send(org, group, Map.of("open_id", ann.openId())));

        assertThat(org.chatHistory(group)).hasSize(before);
    }

    @Test
    void openIdWinsOverUserIdAndEmail() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var outsider = org.person("Out");
        String group = org.group(ann);

        // The card is seen by nobody but its viewer, so the one effect to see is whose membership
        // counts: the outsider alone is refused, so each success below means Ann was chosen.
        assertFails(send(org, group, Map.of("user_id", outsider.userId())), 11206);
        assertFails(send(org, group, Map.of("email", outsider.email())), 11206);
        LegacyCalls.ok(send(
                org, group, Map.of("open_id", ann.openId(), "user_id", outsider.userId(), "email", outsider.email())));
        LegacyCalls.ok(send(org, group, Map.of("user_id", ann.userId(), "email", outsider.email())));
    }

    @Test
    void theViewerMustBeAMemberOfTheGroup() throws Exception {
        var org = fixtures.org();
        var outsider = org.person("Out");

        assertFails(send(org, org.group(org.person("Ann")), Map.of("email", outsider.email())), 11206);
    }

    @Test
    void aP2pChatIsNotAGroup() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");

        assertFails(send(org, BatchCalls.p2pChat(org, ann), Map.of("open_id", ann.openId())), 11228);
    }

    @Test
    void onlyCardsAreEphemeral() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");

        assertFails(send(org, org.group(ann), Map.of("open_id", ann.openId()), "text", CARD), 10003);
    }

    @Test
    void aMalformedCardIsRefused() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");

        var reply = send(org, org.group(ann), Map.of("open_id", ann.openId()), "interactive", Map.of("elements", 7));

        assertFails(reply, 11246);
    }

    @Test
    void theBotMustBeInTheGroup() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String elsewhere = ok(org.client(org.bot("Other Bot"))
                        .im()
                        .chat()
                        .create(CreateChatReq.newBuilder()
                                .userIdType("user_id")
                                .createChatReqBody(CreateChatReqBody.newBuilder()
                                        .name("Elsewhere")
                                        .userIdList(new String[] {ann.userId()})
                                        .build())
                                .build()))
                .getData()
                .getChatId();

        assertFails(send(org, elsewhere, Map.of("open_id", ann.openId())), 10030);
    }

    @Test
    void anUnknownChatIsChatNotFound() throws Exception {
        var org = fixtures.org();

        assertFails(
                send(
                        org,
                        "oc_00000000000000000000000000000000",
                        Map.of("open_id", org.person("Ann").openId())),
                11231);
    }

    @Test
    void aGroupTakesALimitedNumberOfCardsPerWindow() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String group = org.group(ann);
        for (int i = 0; i < 3; i++) {
            LegacyCalls.ok(send(org, group, Map.of("open_id", ann.openId())));
        }

        assertFails(send(org, group, Map.of("open_id", ann.openId())), 11233);
        LegacyCalls.ok(send(org, org.group(ann), Map.of("open_id", ann.openId())));
    }

    @Test
    void aDeletedCardCannotBeDeletedAgain() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String messageId = LegacyCalls.ok(send(org, org.group(ann), Map.of("open_id", ann.openId())))
                .data()
                .path("message_id")
                .asText();

        var deleted = LegacyCalls.ok(delete(org, messageId));

        assertThat(deleted.body().has("data")).isFalse();
        assertFails(delete(org, messageId), 18051);
    }

    @Test
    void onlyTheSendingAppDeletesACard() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String messageId = LegacyCalls.ok(send(org, org.group(ann), Map.of("open_id", ann.openId())))
                .data()
                .path("message_id")
                .asText();

        var reply = LegacyCalls.post(
                org.client(org.bot("Other Bot")), LegacyCalls.EPHEMERAL_DELETE, Map.of("message_id", messageId));

        assertFails(reply, 11234);
    }

    @Test
    void anUnknownCardIsMessageIdNotExist() throws Exception {
        assertFails(delete(fixtures.org(), "om_00000000000000000000000000000000"), 10020);
    }
}
