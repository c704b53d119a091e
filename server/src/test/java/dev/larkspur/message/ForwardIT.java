package dev.larkspur.message;

import static dev.larkspur.message.ForwardCalls.chatOf;
import static dev.larkspur.message.ForwardCalls.forward;
import static dev.larkspur.message.ForwardCalls.items;
import static dev.larkspur.message.ForwardCalls.merge;
import static dev.larkspur.message.ForwardCalls.raw;
import static dev.larkspur.message.ForwardCalls.recall;
import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.message.MessageFixtures.json;
import static dev.larkspur.message.MessageFixtures.text;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Forwarding one message (spec/message.md §3.6): the bot's copy at a person, chat or thread. */
class ForwardIT {
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
    void forwardPostsTheBotsCopyOfTheMessageInTheTargetChat() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String from = org.group(ann);
        String to = org.group();
        var source = ok(org.send(org.client, "chat_id", from, "text", text("hello"), org.as(ann)))
                .getData();

        var resp = ok(forward(org.client, source.getMessageId(), "chat_id", to));

        var copy = resp.getData();
        assertThat(copy.getMessageId()).matches("om_[0-9a-f]{32}").isNotEqualTo(source.getMessageId());
        assertThat(copy.getChatId()).isEqualTo(to);
        assertThat(copy.getMsgType()).isEqualTo("text");
        assertThat(copy.getBody().getContent()).isEqualTo(source.getBody().getContent());
        assertThat(copy.getSender().getId()).isEqualTo(org.bot.appId());
        assertThat(copy.getSender().getIdType()).isEqualTo("app_id");
        assertThat(copy.getSender().getSenderType()).isEqualTo("app");
        var data = raw(resp).path("data");
        assertThat(data.propertyNames())
                .containsExactlyInAnyOrder(
                        "message_id",
                        "msg_type",
                        "create_time",
                        "update_time",
                        "deleted",
                        "updated",
                        "chat_id",
                        "sender",
                        "body");
        assertThat(data.path("deleted").asBoolean(true)).isFalse();
        assertThat(data.path("updated").asBoolean(true)).isFalse();
    }

    @Test
    void forwardToAPersonGoesToTheirP2pChatWithTheBot() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var source = org.post(org.group(), "news");
        String p2p = ok(org.send("open_id", ann.openId(), "text", text("hi Ann")))
                .getData()
                .getChatId();

        var copy = ok(forward(org.client, source.getMessageId(), "open_id", ann.openId()))
                .getData();

        assertThat(copy.getChatId()).isEqualTo(p2p);
    }

    @Test
    void forwardToAThreadPostsTheCopyIntoTheThread() throws Exception {
        var org = fixtures.org();
        String to = org.group();
        var root = org.post(to, "topic");
        String threadId =
                ok(org.reply(root.getMessageId(), "first", true)).getData().getThreadId();
        var source = org.post(org.group(), "news");

        var copy = ok(forward(org.client, source.getMessageId(), "thread_id", threadId))
                .getData();

        assertThat(copy.getChatId()).isEqualTo(to);
        assertThat(copy.getThreadId()).isEqualTo(threadId);
        assertThat(copy.getRootId()).isEqualTo(root.getMessageId());
        assertThat(copy.getParentId()).isEqualTo(root.getMessageId());
    }

    @Test
    void forwardedMessageRecordsTheReceiveEvent() throws Exception {
        var org = fixtures.org();
        String to = org.group();
        var source = org.post(org.group(), "news");

        var copy = ok(forward(org.client, source.getMessageId(), "chat_id", to)).getData();

        var recorded = org.events(to, org.bot, "im.message.receive_v1").stream()
                .map(e -> e.path("payload").path("event").path("message"))
                .filter(m -> m.path("message_id").asText().equals(copy.getMessageId()))
                .toList();
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("message_type").asText()).isEqualTo("text");
        assertThat(recorded.get(0).path("content").asText())
                .isEqualTo(copy.getBody().getContent());
    }

    @Test
    void recalledMessageCannotBeForwarded() throws Exception {
        var org = fixtures.org();
        var source = org.post(org.group(), "oops");
        recall(org.client, source.getMessageId());

        var resp = forward(org.client, source.getMessageId(), "chat_id", org.group());

        assertFails(resp, 230065);
        assertThat(resp.getMsg()).isEqualTo("The message to be forwarded has been recalled.");
    }

    @Test
    void systemMessageCannotBeForwarded() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String divider = json(Map.of("type", "divider", "params", Map.of("divider_text", Map.of("text", "New"))));
        var source = ok(org.send("open_id", ann.openId(), "system", divider)).getData();

        var resp = forward(org.client, source.getMessageId(), "chat_id", org.group());

        assertFails(resp, 230061);
        assertThat(resp.getMsg()).isEqualTo("The message type does not support forwarding.");
    }

    @Test
    void subMessageOfAMergeCannotBeForwardedAlone() throws Exception {
        var org = fixtures.org();
        var source = org.post(org.group(), "news");
        var merged = ok(merge(org.client, "chat_id", org.group(), source.getMessageId()))
                .getData()
                .getMessage();
        var sub = items(org.client, merged.getMessageId()).get(1);

        var resp = forward(org.client, sub.getMessageId(), "chat_id", org.group());

        assertFails(resp, 230064);
    }

    @Test
    void forwardingAMergeMessageBringsItsSubMessages() throws Exception {
        var org = fixtures.org();
        String from = org.group();
        var one = org.post(from, "one");
        var two = org.post(from, "two");
        var merged = ok(merge(org.client, "chat_id", org.group(), one.getMessageId(), two.getMessageId()))
                .getData()
                .getMessage();

        var copy = ok(forward(org.client, merged.getMessageId(), "chat_id", org.group()))
                .getData();

        var got = items(org.client, copy.getMessageId());
        assertThat(copy.getMsgType()).isEqualTo("merge_forward");
        assertThat(got).hasSize(3);
        assertThat(got.subList(1, 3))
                .allSatisfy(m -> assertThat(m.getUpperMessageId()).isEqualTo(copy.getMessageId()));
    }

    @Test
    void forwardToAnUnknownChatIsRejected() throws Exception {
        var org = fixtures.org();
        var source = org.post(org.group(), "news");

        var resp = forward(org.client, source.getMessageId(), "chat_id", "oc_" + "0".repeat(32));

        assertFails(resp, 230063);
        assertThat(resp.getMsg()).isEqualTo("The chat_id of group to forward is invalid.");
    }

    @Test
    void forwardToAnUnknownThreadIsRejected() throws Exception {
        var org = fixtures.org();
        var source = org.post(org.group(), "news");

        var resp = forward(org.client, source.getMessageId(), "thread_id", "omt_" + "0".repeat(16));

        assertFails(resp, 230019);
    }

    @Test
    void forwardToAChatWithoutTheBotIsRejected() throws Exception {
        var org = fixtures.org();
        var source = org.post(org.group(), "news");
        String elsewhere = chatOf(org.client(org.bot("Other")));

        var resp = forward(org.client, source.getMessageId(), "chat_id", elsewhere);

        assertFails(resp, 230002);
    }

    @Test
    void botOutsideTheSourceChatCannotForwardItsMessages() throws Exception {
        var org = fixtures.org();
        var source = org.post(org.group(), "private");
        var outsider = org.client(org.bot("Outsider"));

        var resp = forward(outsider, source.getMessageId(), "chat_id", chatOf(outsider));

        assertFails(resp, 230002);
    }

    @Test
    void forwardOfAnUnknownMessageIsRejected() throws Exception {
        var org = fixtures.org();

        var resp = forward(org.client, "om_" + "0".repeat(32), "chat_id", org.group());

        assertInvalid(resp, "invalid message_id");
    }

    @Test
    void repeatedUuidToTheSameTargetReturnsTheFirstForward() throws Exception {
        var org = fixtures.org();
        String to = org.group();
        var source = org.post(org.group(), "news");

        var first = ok(forward(org.client, source.getMessageId(), "chat_id", to, "fwd-1"))
                .getData();
        var again = ok(forward(org.client, source.getMessageId(), "chat_id", to, "fwd-1"))
                .getData();

        assertThat(again.getMessageId()).isEqualTo(first.getMessageId());
        assertThat(org.chatHistory(to))
                .filteredOn(m -> m.getMsgType().equals("text"))
                .extracting(m -> m.getMessageId())
                .containsExactly(first.getMessageId());
    }
}
