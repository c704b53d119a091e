package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.message.MessageFixtures.json;
import static dev.larkspur.message.MessageFixtures.parse;
import static dev.larkspur.message.MessageFixtures.text;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.im.v1.model.DeleteMessageReq;
import com.lark.oapi.service.im.v1.model.DeleteMessageResp;
import com.lark.oapi.service.im.v1.model.UpdateMessageReq;
import com.lark.oapi.service.im.v1.model.UpdateMessageReqBody;
import com.lark.oapi.service.im.v1.model.UpdateMessageResp;
import dev.larkspur.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Editing (spec/message.md §3.3) and recalling (§3.5) messages, and what readers see afterwards. */
class MessageChangesIT {
    private static final String RECALLED = "im.message.recalled_v1";
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

    private static UpdateMessageResp edit(Client as, String messageId, String msgType, String content)
            throws Exception {
        return as.im()
                .message()
                .update(UpdateMessageReq.newBuilder()
                        .messageId(messageId)
                        .updateMessageReqBody(UpdateMessageReqBody.newBuilder()
                                .msgType(msgType)
                                .content(content)
                                .build())
                        .build());
    }

    private static DeleteMessageResp recall(Client as, String messageId) throws Exception {
        return as.im()
                .message()
                .delete(DeleteMessageReq.newBuilder().messageId(messageId).build());
    }

    private static DeleteMessageResp recall(Client as, String messageId, RequestOptions options) throws Exception {
        return as.im()
                .message()
                .delete(DeleteMessageReq.newBuilder().messageId(messageId).build(), options);
    }

    @Test
    void editReplacesTheTextAndMarksTheMessageUpdated() throws Exception {
        var org = fixtures.org();
        var sent = org.post(org.group(), "draft");

        var edited =
                ok(edit(org.client, sent.getMessageId(), "text", text("final"))).getData();

        assertThat(edited.getMessageId()).isEqualTo(sent.getMessageId());
        assertThat(edited.getUpdated()).isTrue();
        assertThat(parse(edited.getBody().getContent()).path("text").asText()).isEqualTo("final");
        var read = org.get(sent.getMessageId());
        assertThat(read.getUpdated()).isTrue();
        assertThat(parse(read.getBody().getContent()).path("text").asText()).isEqualTo("final");
        assertThat(Long.parseLong(read.getUpdateTime())).isGreaterThanOrEqualTo(Long.parseLong(read.getCreateTime()));
    }

    @Test
    void postMayBeEdited() throws Exception {
        var org = fixtures.org();
        String post = json(Map.of("zh_cn", Map.of("title", "v1", "content", List.of())));
        String messageId = org.sendToChat(org.group(), "post", post).getData().getMessageId();

        String newPost = json(Map.of("zh_cn", Map.of("title", "v2", "content", List.of())));
        var edited = ok(edit(org.client, messageId, "post", newPost)).getData();

        assertThat(parse(edited.getBody().getContent()).path("title").asText()).isEqualTo("v2");
    }

    @Test
    void editCannotTurnAMessageIntoACard() throws Exception {
        var org = fixtures.org();
        var sent = org.post(org.group(), "draft");

        var resp = edit(org.client, sent.getMessageId(), "interactive", json(Map.of("elements", List.of())));

        assertInvalid(resp, "invalid msg_type");
    }

    @Test
    void cardMessageCannotBeEdited() throws Exception {
        var org = fixtures.org();
        String messageId = org.sendToChat(org.group(), "interactive", json(Map.of("elements", List.of())))
                .getData()
                .getMessageId();

        assertFails(edit(org.client, messageId, "text", text("now text")), 230054);
    }

    @Test
    void editedContentIsValidatedLikeNewContent() throws Exception {
        var org = fixtures.org();
        var sent = org.post(org.group(), "draft");

        var resp = edit(org.client, sent.getMessageId(), "text", json(Map.of("body", "x")));

        assertInvalid(resp, "content format of the text type is incorrect");
    }

    @Test
    void onlyTheSenderMayEdit() throws Exception {
        var org = fixtures.org();
        var other = org.bot("Other");
        String chatId = org.groupOwnedBy(org.person("Owner"), List.of(other));
        var sent = org.post(chatId, "mine");

        assertFails(edit(org.client(other), sent.getMessageId(), "text", text("yours now")), 230071);
    }

    @Test
    void aMessageMayBeEditedTwentyTimesAndNoMore() throws Exception {
        var org = fixtures.org();
        var sent = org.post(org.group(), "v0");
        for (int i = 1; i <= 20; i++) {
            ok(edit(org.client, sent.getMessageId(), "text", text("v" + i)));
        }

        assertFails(edit(org.client, sent.getMessageId(), "text", text("v21")), 230072);
        assertThat(parse(org.get(sent.getMessageId()).getBody().getContent())
                        .path("text")
                        .asText())
                .isEqualTo("v20");
    }

    @Test
    void recalledMessageCannotBeEdited() throws Exception {
        var org = fixtures.org();
        var sent = org.post(org.group(), "gone");
        ok(recall(org.client, sent.getMessageId()));

        assertFails(edit(org.client, sent.getMessageId(), "text", text("back")), 230011);
    }

    @Test
    void senderRecallsTheirOwnMessage() throws Exception {
        var org = fixtures.org();
        var sent = org.post(org.group(), "oops");

        var resp = ok(recall(org.client, sent.getMessageId()));

        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(200);
        assertThat(org.get(sent.getMessageId()).getDeleted()).isTrue();
    }

    @Test
    void recalledMessageReadsAsRecalled() throws Exception {
        var org = fixtures.org();
        var sent = org.post(org.group(), "secret");
        ok(recall(org.client, sent.getMessageId()));

        var read = org.get(sent.getMessageId());

        assertThat(read.getDeleted()).isTrue();
        assertThat(read.getBody().getContent()).isEqualTo("This message was recalled");
    }

    @Test
    void recalledMessageStaysInHistoryAsRecalled() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var sent = org.post(chatId, "secret");
        ok(recall(org.client, sent.getMessageId()));

        var history = org.chatHistory(chatId);

        assertThat(history).hasSize(1);
        assertThat(history.get(0).getDeleted()).isTrue();
        assertThat(history.get(0).getBody().getContent()).isEqualTo("This message was recalled");
    }

    @Test
    void recallRecordsARecalledEventByTheMessageOwner() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var sent = org.post(chatId, "oops");
        ok(recall(org.client, sent.getMessageId()));

        var events = org.events(chatId, org.bot, RECALLED);

        assertThat(events).hasSize(1);
        var event = events.get(0).path("payload").path("event");
        assertThat(event.path("message_id").asText()).isEqualTo(sent.getMessageId());
        assertThat(event.path("chat_id").asText()).isEqualTo(chatId);
        assertThat(event.path("recall_time").asText()).matches("\\d{13}");
        assertThat(event.path("recall_type").asText()).isEqualTo("message_owner");
    }

    @Test
    void recallingTwiceIsRejected() throws Exception {
        var org = fixtures.org();
        var sent = org.post(org.group(), "oops");
        ok(recall(org.client, sent.getMessageId()));

        var again = recall(org.client, sent.getMessageId());

        assertFails(again, 230011);
    }

    @Test
    void botThatNeitherSentNorOwnsNorManagesCannotRecall() throws Exception {
        var org = fixtures.org();
        var other = org.bot("Other");
        String chatId = org.groupOwnedBy(org.person("Owner"), List.of(other));
        var sent = org.post(chatId, "mine");

        assertFails(recall(org.client(other), sent.getMessageId()), 230026);
        assertThat(org.get(sent.getMessageId()).getDeleted()).isFalse();
    }

    @Test
    void groupOwnerRecallsSomeoneElsesMessage() throws Exception {
        var org = fixtures.org();
        var owner = org.person("Owner");
        String chatId = org.groupOwnedBy(owner, List.of());
        var sent = org.post(chatId, "off topic");

        ok(recall(org.client, sent.getMessageId(), org.as(owner)));

        assertThat(org.get(sent.getMessageId()).getDeleted()).isTrue();
        var event = org.events(chatId, org.bot, RECALLED).get(0).path("payload").path("event");
        assertThat(event.path("recall_type").asText()).isEqualTo("group_owner");
    }

    @Test
    void userRecallsTheirOwnMessageWithAUserToken() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = org.group(ann);
        String messageId = ok(org.send(org.client, "chat_id", chatId, "text", text("typo"), org.as(ann)))
                .getData()
                .getMessageId();

        ok(recall(org.client, messageId, org.as(ann)));

        assertThat(org.get(messageId).getDeleted()).isTrue();
    }

    @Test
    void memberCannotRecallAnotherMembersMessage() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = org.group(ann, bob);
        String messageId = ok(org.send(org.client, "chat_id", chatId, "text", text("Ann's"), org.as(ann)))
                .getData()
                .getMessageId();

        assertFails(recall(org.client, messageId, org.as(bob)), 230026);
    }
}
