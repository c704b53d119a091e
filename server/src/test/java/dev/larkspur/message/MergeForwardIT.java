package dev.larkspur.message;

import static dev.larkspur.message.ForwardCalls.MERGE_CONTENT;
import static dev.larkspur.message.ForwardCalls.chatOf;
import static dev.larkspur.message.ForwardCalls.forwardThread;
import static dev.larkspur.message.ForwardCalls.items;
import static dev.larkspur.message.ForwardCalls.merge;
import static dev.larkspur.message.ForwardCalls.mergeWithUuid;
import static dev.larkspur.message.ForwardCalls.raw;
import static dev.larkspur.message.ForwardCalls.recall;
import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.message.MessageFixtures.text;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.Message;
import dev.larkspur.support.TestServer;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Merge forwarding and thread forwarding (spec/message.md §3.7, §3.8): one {@code merge_forward}
 * message whose sub-messages GET returns with it (§3.11).
 */
class MergeForwardIT {
    private static final String UNKNOWN = "om_" + "0".repeat(32);
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

    @Test
    void mergeForwardAnswersTheMergeMessageAndTheInvalidIds() throws Exception {
        var org = fixtures.org();
        String from = org.group();
        String to = org.group();
        var one = org.post(from, "one");

        var resp = ok(merge(org.client, "chat_id", to, one.getMessageId()));

        var data = raw(resp).path("data");
        assertThat(data.propertyNames()).containsExactlyInAnyOrder("message", "invalid_message_id_list");
        assertThat(data.path("invalid_message_id_list").isArray()).isTrue();
        assertThat(data.path("invalid_message_id_list").size()).isZero();
        var message = resp.getData().getMessage();
        assertThat(message.getMessageId()).matches("om_[0-9a-f]{32}");
        assertThat(message.getMsgType()).isEqualTo("merge_forward");
        assertThat(message.getChatId()).isEqualTo(to);
        assertThat(message.getBody().getContent()).isEqualTo(MERGE_CONTENT);
        assertThat(message.getSender().getId()).isEqualTo(org.bot.appId());
        assertThat(message.getUpperMessageId()).isNull();
    }

    @Test
    void getOfAMergeMessageAnswersItAndItsSubMessagesOldestFirst() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String from = org.group(ann);
        var one = ok(org.send(org.client, "chat_id", from, "text", text("one"), org.as(ann)))
                .getData();
        var two = org.post(from, "two");
        var merged = ok(merge(org.client, "chat_id", org.group(), two.getMessageId(), one.getMessageId()))
                .getData()
                .getMessage();

        var got = items(org.client, merged.getMessageId());

        assertThat(got).hasSize(3);
        assertThat(got.get(0).getMessageId()).isEqualTo(merged.getMessageId());
        assertThat(got.get(0).getUpperMessageId()).isNull();
        var sub = got.get(1);
        assertThat(sub.getMessageId()).matches("om_[0-9a-f]{32}").isNotEqualTo(one.getMessageId());
        assertThat(sub.getUpperMessageId()).isEqualTo(merged.getMessageId());
        assertThat(sub.getBody().getContent()).isEqualTo(one.getBody().getContent());
        assertThat(sub.getSender().getId()).isEqualTo(ann.openId());
        assertThat(sub.getCreateTime()).isEqualTo(one.getCreateTime());
        assertThat(got.get(2).getBody().getContent()).isEqualTo(two.getBody().getContent());
        assertThat(got.get(2).getUpperMessageId()).isEqualTo(merged.getMessageId());
    }

    @Test
    void mergingAMergeMessageNestsItsSubMessagesUnderItsCopy() throws Exception {
        var org = fixtures.org();
        String from = org.group();
        var inner = ok(merge(org.client, "chat_id", from, org.post(from, "deep").getMessageId()))
                .getData()
                .getMessage();
        var outer = ok(merge(org.client, "chat_id", org.group(), inner.getMessageId()))
                .getData()
                .getMessage();

        var got = items(org.client, outer.getMessageId());

        assertThat(got).extracting(Message::getMsgType).containsExactly("merge_forward", "merge_forward", "text");
        assertThat(got.get(1).getUpperMessageId()).isEqualTo(outer.getMessageId());
        assertThat(got.get(2).getUpperMessageId()).isEqualTo(got.get(1).getMessageId());
    }

    @Test
    void subMessagesStayOutOfChatHistory() throws Exception {
        var org = fixtures.org();
        String from = org.group();
        var one = org.post(from, "one");
        String to = org.group();
        var merged = ok(merge(org.client, "chat_id", to, one.getMessageId()))
                .getData()
                .getMessage();

        assertThat(org.chatHistory(from)).extracting(Message::getUpperMessageId).containsOnlyNulls();
        assertThat(org.chatHistory(to))
                .filteredOn(m -> m.getMsgType().equals("merge_forward"))
                .extracting(Message::getMessageId)
                .containsExactly(merged.getMessageId());
    }

    @Test
    void unusableMessagesAreReportedAndTheRestMerged() throws Exception {
        var org = fixtures.org();
        String from = org.group();
        var kept = org.post(from, "kept");
        var recalled = org.post(from, "gone");
        recall(org.client, recalled.getMessageId());

        var data = ok(merge(org.client, "chat_id", org.group(), kept.getMessageId(), recalled.getMessageId(), UNKNOWN))
                .getData();

        assertThat(data.getInvalidMessageIdList()).containsExactly(recalled.getMessageId(), UNKNOWN);
        assertThat(items(org.client, data.getMessage().getMessageId())).hasSize(2);
    }

    @Test
    void mergeOfOnlyRecalledMessagesIsRejected() throws Exception {
        var org = fixtures.org();
        var gone = org.post(org.group(), "gone");
        recall(org.client, gone.getMessageId());

        var resp = merge(org.client, "chat_id", org.group(), gone.getMessageId());

        assertFails(resp, 230065);
        assertThat(resp.getMsg()).isEqualTo("All messages to be forwarded have been recalled.");
    }

    @Test
    void mergeOfOnlyInvalidMessagesIsRejected() throws Exception {
        var org = fixtures.org();

        var resp = merge(org.client, "chat_id", org.group(), UNKNOWN);

        assertFails(resp, 230064);
        assertThat(resp.getMsg()).isEqualTo("All messages to be forwarded are invalid.");
    }

    @Test
    void messagesFromDifferentChatsCannotBeMerged() throws Exception {
        var org = fixtures.org();
        var one = org.post(org.group(), "here");
        var two = org.post(org.group(), "there");

        var resp = merge(org.client, "chat_id", org.group(), one.getMessageId(), two.getMessageId());

        assertFails(resp, 230069);
    }

    @Test
    void threadRepliesCannotBeMergedWithOtherChatMessages() throws Exception {
        var org = fixtures.org();
        String from = org.group();
        var root = org.post(from, "topic");
        var reply = ok(org.reply(root.getMessageId(), "in thread", true)).getData();
        var plain = org.post(from, "plain");

        var resp = merge(org.client, "chat_id", org.group(), reply.getMessageId(), plain.getMessageId());

        assertFails(resp, 230067);
    }

    @Test
    void messageIdListMustHoldOneToAHundredIds() throws Exception {
        var org = fixtures.org();
        String to = org.group();
        var tooMany = Collections.nCopies(101, UNKNOWN).toArray(String[]::new);

        assertInvalid(merge(org.client, "chat_id", to), "invalid message_id_list");
        assertInvalid(merge(org.client, "chat_id", to, tooMany), "invalid message_id_list");
    }

    @Test
    void repeatedUuidToTheSameTargetReturnsTheFirstMerge() throws Exception {
        var org = fixtures.org();
        String to = org.group();
        String id = org.post(org.group(), "news").getMessageId();

        var first = ok(mergeWithUuid(org.client, "chat_id", to, "merge-1", id)).getData();
        var again = ok(mergeWithUuid(org.client, "chat_id", to, "merge-1", id)).getData();

        assertThat(again.getMessage().getMessageId())
                .isEqualTo(first.getMessage().getMessageId());
        assertThat(org.chatHistory(to))
                .filteredOn(m -> m.getMsgType().equals("merge_forward"))
                .hasSize(1);
    }

    @Test
    void threadForwardPostsAMergeOfTheThreadsMessages() throws Exception {
        var org = fixtures.org();
        String from = org.group();
        var root = org.post(from, "topic");
        var first = ok(org.reply(root.getMessageId(), "first", true)).getData();
        ok(org.reply(root.getMessageId(), "second", true));
        String to = org.group();

        var resp = ok(forwardThread(org.client, first.getThreadId(), "chat_id", to));

        var message = resp.getData();
        assertThat(message.getMsgType()).isEqualTo("merge_forward");
        assertThat(message.getChatId()).isEqualTo(to);
        assertThat(message.getBody().getContent()).isEqualTo(MERGE_CONTENT);
        var got = items(org.client, message.getMessageId());
        assertThat(got).hasSize(4);
        assertThat(got.get(1).getBody().getContent()).isEqualTo(root.getBody().getContent());
        assertThat(got.subList(1, 4))
                .allSatisfy(m -> assertThat(m.getUpperMessageId()).isEqualTo(message.getMessageId()));
    }

    @Test
    void threadForwardOfAMalformedThreadIdIsRejected() throws Exception {
        var org = fixtures.org();

        assertInvalid(forwardThread(org.client, "t_123", "chat_id", org.group()), "invalid thread_id");
    }

    @Test
    void threadForwardOfAnUnknownThreadIsRejected() throws Exception {
        var org = fixtures.org();

        var resp = forwardThread(org.client, "omt_" + "0".repeat(16), "chat_id", org.group());

        assertFails(resp, 230064);
        assertThat(resp.getMsg()).isEqualTo("The thread to be forwarded is invalid.");
    }

    @Test
    void botOutsideTheThreadsChatCannotForwardIt() throws Exception {
        var org = fixtures.org();
        var root = org.post(org.group(), "topic");
        String threadId =
                ok(org.reply(root.getMessageId(), "in thread", true)).getData().getThreadId();
        var outsider = org.client(org.bot("Outsider"));

        var resp = forwardThread(outsider, threadId, "chat_id", chatOf(outsider));

        assertFails(resp, 230002);
    }
}
