package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.message.MessageFixtures.text;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.DeleteMessageReq;
import com.lark.oapi.service.im.v1.model.ReplyMessageReq;
import com.lark.oapi.service.im.v1.model.ReplyMessageReqBody;
import com.lark.oapi.service.im.v1.model.ReplyMessageResp;
import dev.larkspur.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replies and threads (spec/message.md §2, §3.2): root, parent and thread of each reply. */
class MessageReplyIT {
    private static TestServer server;
    private static MessageFixtures.Org org;
    private static String group;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        org = new MessageFixtures(server).org();
        group = org.group();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ReplyMessageResp reply(String messageId, String msgType, String content, String uuid)
            throws Exception {
        return org.client
                .im()
                .message()
                .reply(ReplyMessageReq.newBuilder()
                        .messageId(messageId)
                        .replyMessageReqBody(ReplyMessageReqBody.newBuilder()
                                .msgType(msgType)
                                .content(content)
                                .uuid(uuid)
                                .build())
                        .build());
    }

    @Test
    void replyHasTheRepliedMessageAsRootAndParent() throws Exception {
        var root = org.post(group, "question");

        var r = ok(org.reply(root.getMessageId(), "answer", false)).getData();

        assertThat(r.getMessageId()).matches("om_[0-9a-f]{32}").isNotEqualTo(root.getMessageId());
        assertThat(r.getChatId()).isEqualTo(group);
        assertThat(r.getRootId()).isEqualTo(root.getMessageId());
        assertThat(r.getParentId()).isEqualTo(root.getMessageId());
        assertThat(r.getThreadId()).isNull();
    }

    @Test
    void replyToAReplyKeepsTheRootAndNamesItsParent() throws Exception {
        var root = org.post(group, "question");
        var first = ok(org.reply(root.getMessageId(), "answer", false)).getData();

        var second = ok(org.reply(first.getMessageId(), "follow-up", false)).getData();

        assertThat(second.getRootId()).isEqualTo(root.getMessageId());
        assertThat(second.getParentId()).isEqualTo(first.getMessageId());
    }

    @Test
    void replyInThreadOpensAThreadOnTheRepliedMessage() throws Exception {
        var root = org.post(group, "topic");

        var r = ok(org.reply(root.getMessageId(), "in thread", true)).getData();

        assertThat(r.getThreadId()).startsWith("omt_");
        assertThat(r.getRootId()).isEqualTo(root.getMessageId());
        assertThat(r.getParentId()).isEqualTo(root.getMessageId());
        assertThat(org.get(root.getMessageId()).getThreadId()).isEqualTo(r.getThreadId());
    }

    @Test
    void replyToAThreadMessageJoinsTheThreadEvenWithoutReplyInThread() throws Exception {
        var root = org.post(group, "topic");
        var first = ok(org.reply(root.getMessageId(), "in thread", true)).getData();

        var later = ok(org.reply(first.getMessageId(), "me too", false)).getData();

        assertThat(later.getThreadId()).isEqualTo(first.getThreadId());
        assertThat(later.getRootId()).isEqualTo(root.getMessageId());
        assertThat(later.getParentId()).isEqualTo(root.getMessageId());
    }

    @Test
    void secondReplyInThreadToTheRootJoinsTheSameThread() throws Exception {
        var root = org.post(group, "topic");
        var first = ok(org.reply(root.getMessageId(), "one", true)).getData();

        var second = ok(org.reply(root.getMessageId(), "two", true)).getData();

        assertThat(second.getThreadId()).isEqualTo(first.getThreadId());
    }

    @Test
    void replyToARecalledMessageIsRejected() throws Exception {
        var root = org.post(group, "oops");
        ok(org.client
                .im()
                .message()
                .delete(DeleteMessageReq.newBuilder()
                        .messageId(root.getMessageId())
                        .build()));

        var resp = org.reply(root.getMessageId(), "too late", false);

        assertFails(resp, 230011);
        assertThat(resp.getMsg()).isEqualTo("The message is recalled.");
    }

    @Test
    void replyToAnUnknownMessageIsRejected() throws Exception {
        var resp = org.reply("om_00000000000000000000000000000000", "hello?", false);

        assertInvalid(resp, "invalid message_id");
    }

    @Test
    void systemMessageCannotBeAReply() throws Exception {
        var root = org.post(group, "topic");

        var resp = reply(root.getMessageId(), "system", "{\"type\":\"divider\"}", null);

        assertInvalid(resp, "invalid msg_type");
    }

    @Test
    void repeatedReplyUuidReturnsTheFirstReply() throws Exception {
        var root = org.post(group, "topic");

        var first =
                ok(reply(root.getMessageId(), "text", text("once"), "reply-1")).getData();
        var again =
                ok(reply(root.getMessageId(), "text", text("once"), "reply-1")).getData();

        assertThat(again.getMessageId()).isEqualTo(first.getMessageId());
    }

    @Test
    void botOutsideTheChatCannotReply() throws Exception {
        var root = org.post(group, "topic");
        var outsider = org.client(org.bot("Outsider"));

        var resp = outsider.im()
                .message()
                .reply(ReplyMessageReq.newBuilder()
                        .messageId(root.getMessageId())
                        .replyMessageReqBody(ReplyMessageReqBody.newBuilder()
                                .msgType("text")
                                .content(text("hi"))
                                .build())
                        .build());

        assertFails(resp, 230002);
    }
}
