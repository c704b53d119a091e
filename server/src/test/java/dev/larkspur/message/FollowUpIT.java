package dev.larkspur.message;

import static dev.larkspur.message.ForwardCalls.raw;
import static dev.larkspur.message.ForwardCalls.recall;
import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.message.MessageFixtures.text;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateMessageRespBody;
import com.lark.oapi.service.im.v1.model.FollowUp;
import com.lark.oapi.service.im.v1.model.I18nContent;
import com.lark.oapi.service.im.v1.model.PushFollowUpMessageReq;
import com.lark.oapi.service.im.v1.model.PushFollowUpMessageReqBody;
import com.lark.oapi.service.im.v1.model.PushFollowUpMessageResp;
import dev.larkspur.support.Person;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Follow-up bubbles (spec/message.md §3.14): only under the bot's latest message in its p2p chat
 * with a person, within 600 s, once; the endpoint's codes mean what its own doc says.
 */
class FollowUpIT {
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

    private static FollowUp bubble(String content, I18nContent... i18n) {
        return FollowUp.newBuilder().content(content).i18nContents(i18n).build();
    }

    private static PushFollowUpMessageResp push(Client as, String messageId, FollowUp... bubbles) throws Exception {
        return as.im()
                .message()
                .pushFollowUp(PushFollowUpMessageReq.newBuilder()
                        .messageId(messageId)
                        .pushFollowUpMessageReqBody(PushFollowUpMessageReqBody.newBuilder()
                                .followUps(bubbles)
                                .build())
                        .build());
    }

    /** The main bot's message to the person, in their p2p chat. */
    private static CreateMessageRespBody toPerson(MessageFixtures.Org org, Person person) throws Exception {
        return ok(org.send("open_id", person.openId(), "text", text("how can I help?")))
                .getData();
    }

    @Test
    void pushOnTheBotsLatestP2pMessageAnswersEmptyData() throws Exception {
        var org = fixtures.org();
        var sent = toPerson(org, org.person("Ann"));

        var resp = ok(push(
                org.client,
                sent.getMessageId(),
                bubble(
                        "Yes",
                        I18nContent.newBuilder().content("是").language("zh_cn").build()),
                bubble("No")));

        assertThat(raw(resp).path("data").isObject()).isTrue();
        assertThat(raw(resp).path("data").size()).isZero();
    }

    @Test
    void followUpsOnlyGoUnderP2pMessages() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello all");

        var resp = push(org.client, message.getMessageId(), bubble("Hi"));

        assertFails(resp, 230003);
        assertThat(resp.getMsg()).isEqualTo("only support p2p chat.");
    }

    @Test
    void followUpsOnlyGoUnderTheLatestMessage() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var older = toPerson(org, ann);
        ok(org.send(org.client, "chat_id", older.getChatId(), "text", text("a question"), org.as(ann)));

        var resp = push(org.client, older.getMessageId(), bubble("Hi"));

        assertFails(resp, 230006);
        assertThat(resp.getMsg()).isEqualTo("only support latest message.");
    }

    @Test
    void messagesOlderThan600SecondsHaveExpired() throws Exception {
        var org = fixtures.org();
        var sent = toPerson(org, org.person("Ann"));
        server.clock().advance(Duration.ofSeconds(601));

        var resp = push(org.client, sent.getMessageId(), bubble("Hi"));

        assertFails(resp, 230002);
        assertThat(resp.getMsg()).isEqualTo("expired message.");
    }

    @Test
    void aMessageTakesFollowUpsOnce() throws Exception {
        var org = fixtures.org();
        var sent = toPerson(org, org.person("Ann"));
        ok(push(org.client, sent.getMessageId(), bubble("Hi")));

        var resp = push(org.client, sent.getMessageId(), bubble("Hi again"));

        assertFails(resp, 230008);
        assertThat(resp.getMsg()).isEqualTo("follow up already exist.");
    }

    @Test
    void bubblesNeedOneToTwoHundredCharactersAndKnownLanguages() throws Exception {
        var org = fixtures.org();
        String id = toPerson(org, org.person("Ann")).getMessageId();
        var klingon = I18nContent.newBuilder().content("Qapla'").language("tlh").build();

        assertFails(push(org.client, id, bubble("")), 230007);
        assertFails(push(org.client, id, bubble("x".repeat(201))), 230007);
        assertFails(push(org.client, id, bubble("Hi", klingon)), 230007);
        assertThat(push(org.client, id, bubble("")).getMsg()).isEqualTo("invalid follow up.");
    }

    @Test
    void aPushCarriesOneToThreeBubbles() throws Exception {
        var org = fixtures.org();
        String id = toPerson(org, org.person("Ann")).getMessageId();

        assertFails(push(org.client, id), 230001);
        assertFails(push(org.client, id, bubble("a"), bubble("b"), bubble("c"), bubble("d")), 230001);
    }

    @Test
    void onlyTheBotsOwnMessagesTakeFollowUps() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String p2p = toPerson(org, ann).getChatId();
        var hers = ok(org.send(org.client, "chat_id", p2p, "text", text("hi bot"), org.as(ann)))
                .getData();

        var resp = push(org.client, hers.getMessageId(), bubble("Hi"));

        assertInvalid(resp, "bot or user is not the message`s sender");
    }

    @Test
    void anotherBotsP2pMessagesAreInvisible() throws Exception {
        var org = fixtures.org();
        var sent = toPerson(org, org.person("Ann"));
        var other = org.client(org.bot("Other"));

        var resp = push(other, sent.getMessageId(), bubble("Hi"));

        assertFails(resp, 230004);
        assertThat(resp.getMsg()).isEqualTo("invisible message.");
    }

    @Test
    void recalledMessagesAreInvisible() throws Exception {
        var org = fixtures.org();
        var sent = toPerson(org, org.person("Ann"));
        recall(org.client, sent.getMessageId());

        assertFails(push(org.client, sent.getMessageId(), bubble("Hi")), 230004);
    }

    @Test
    void aPersonWhoHasLeftIsNotVisibleToTheBot() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var sent = toPerson(org, ann);
        // No API lets a person leave the tenant yet.
        server.bean(JdbcClient.class)
                .sql("update directory_user set resigned = true where user_id = ?")
                .param(ann.userId())
                .update();

        var resp = push(org.client, sent.getMessageId(), bubble("Hi"));

        assertFails(resp, 230005);
        assertThat(resp.getMsg()).isEqualTo("user is not visible to bot.");
    }

    @Test
    void pushOnAnUnknownMessageIsRejected() throws Exception {
        var org = fixtures.org();

        assertInvalid(push(org.client, "om_" + "0".repeat(32), bubble("Hi")), "invalid message_id");
    }
}
