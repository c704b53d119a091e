package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.ListMessageReq;
import com.lark.oapi.service.im.v1.model.ListMessageResp;
import com.lark.oapi.service.im.v1.model.Message;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** History (spec/message.md §3.10): by chat or thread, order, time window and paging. */
class MessageHistoryIT {
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

    private static ListMessageReq.Builder chat(String chatId) {
        return ListMessageReq.newBuilder().containerIdType("chat").containerId(chatId);
    }

    private static ListMessageResp list(Client client, ListMessageReq.Builder request) throws Exception {
        return client.im().message().list(request.build());
    }

    private static List<String> ids(ListMessageResp resp) {
        return Arrays.stream(ok(resp).getData().getItems())
                .map(Message::getMessageId)
                .toList();
    }

    private static List<String> ids(List<Message> messages) {
        return messages.stream().map(Message::getMessageId).toList();
    }

    /** The main bot posts {@code count} texts into the chat; their ids, oldest first. */
    private static List<String> postMany(MessageFixtures.Org org, String chatId, int count) throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 1; i <= count; i++) {
            ids.add(org.post(chatId, "message " + i).getMessageId());
        }
        return ids;
    }

    @Test
    void historyIsOldestFirstByDefault() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var sent = postMany(org, chatId, 3);

        assertThat(ids(list(org.client, chat(chatId)))).containsExactlyElementsOf(sent);
    }

    @Test
    void byCreateTimeDescIsNewestFirst() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var sent = postMany(org, chatId, 3);

        var resp = list(org.client, chat(chatId).sortType("ByCreateTimeDesc"));

        assertThat(ids(resp)).containsExactly(sent.get(2), sent.get(1), sent.get(0));
    }

    @Test
    void unknownSortTypeIsRejected() throws Exception {
        var org = fixtures.org();

        assertInvalid(list(org.client, chat(org.group()).sortType("ByName")), "invalid sort_type");
    }

    @Test
    void startAndEndTimeAreSecondsAndBothInclusive() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var early = org.post(chatId, "early");
        server.clock().advance(Duration.ofSeconds(10));
        var middle = org.post(chatId, "middle");
        server.clock().advance(Duration.ofSeconds(10));
        var late = org.post(chatId, "late");
        String second = String.valueOf(Long.parseLong(middle.getCreateTime()) / 1000);

        assertThat(ids(list(org.client, chat(chatId).startTime(second))))
                .containsExactly(middle.getMessageId(), late.getMessageId());
        assertThat(ids(list(org.client, chat(chatId).endTime(second))))
                .containsExactly(early.getMessageId(), middle.getMessageId());
        assertThat(ids(list(org.client, chat(chatId).startTime(second).endTime(second))))
                .containsExactly(middle.getMessageId());
    }

    @Test
    void endTimeBeforeStartTimeIsRejected() throws Exception {
        var org = fixtures.org();

        var resp = list(org.client, chat(org.group()).startTime("1700000100").endTime("1700000000"));

        assertInvalid(resp, "The end_time is earlier than the start_time");
    }

    @Test
    void nonNumericStartTimeIsRejected() throws Exception {
        var org = fixtures.org();

        assertInvalid(list(org.client, chat(org.group()).startTime("yesterday")), "invalid start_time");
    }

    @Test
    void pageSizeMayBeFifty() throws Exception {
        var org = fixtures.org();

        ok(list(org.client, chat(org.group()).pageSize(50)));
    }

    @Test
    void pageSizeOverFiftyIsRejected() throws Exception {
        var org = fixtures.org();

        assertInvalid(list(org.client, chat(org.group()).pageSize(51)), "The page_size exceeds the limit");
    }

    @Test
    void pageTokensVisitEveryMessageOnceInOrder() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var sent = postMany(org, chatId, 7);

        var seen = new ArrayList<String>();
        var hasMore = new ArrayList<Boolean>();
        String token = null;
        do {
            var page = ok(list(org.client, chat(chatId).pageSize(3).pageToken(token)))
                    .getData();
            Arrays.stream(page.getItems()).map(Message::getMessageId).forEach(seen::add);
            hasMore.add(page.getHasMore());
            token = page.getHasMore() ? page.getPageToken() : null;
        } while (token != null && hasMore.size() < 10);

        assertThat(seen).containsExactlyElementsOf(sent);
        assertThat(hasMore).containsExactly(true, true, false);
    }

    @Test
    void pageTokensVisitEveryMessageOnceNewestFirst() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var sent = new ArrayList<>(postMany(org, chatId, 5));

        var seen = new ArrayList<String>();
        String token = null;
        int pages = 0;
        do {
            var page = ok(list(
                            org.client,
                            chat(chatId)
                                    .sortType("ByCreateTimeDesc")
                                    .pageSize(2)
                                    .pageToken(token)))
                    .getData();
            Arrays.stream(page.getItems()).map(Message::getMessageId).forEach(seen::add);
            token = page.getHasMore() ? page.getPageToken() : null;
            pages++;
        } while (token != null && pages < 10);

        java.util.Collections.reverse(sent);
        assertThat(seen).containsExactlyElementsOf(sent);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void pageTokenOfAnotherQueryIsRejected() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        postMany(org, chatId, 3);
        String token = ok(list(org.client, chat(chatId).pageSize(1))).getData().getPageToken();

        var resp = list(
                org.client,
                chat(chatId).pageSize(1).sortType("ByCreateTimeDesc").pageToken(token));

        assertInvalid(resp, "the request parameters have changed, page_token is invalid");
    }

    @Test
    void garbledPageTokenIsRejected() throws Exception {
        var org = fixtures.org();

        var resp = list(org.client, chat(org.group()).pageToken("not a token!"));

        assertInvalid(resp, "invalid page_token");
    }

    @Test
    void threadRepliesStayOutOfChatHistory() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var root = org.post(chatId, "topic");
        ok(org.reply(root.getMessageId(), "in thread", true));
        var other = org.post(chatId, "question");
        var plainReply =
                ok(org.reply(other.getMessageId(), "plain reply", false)).getData();

        var history = org.chatHistory(chatId);

        assertThat(ids(history)).containsExactly(root.getMessageId(), other.getMessageId(), plainReply.getMessageId());
        assertThat(history.get(0).getThreadId()).startsWith("omt_");
    }

    @Test
    void threadHistoryHoldsTheRootAndItsReplies() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var root = org.post(chatId, "topic");
        var first = ok(org.reply(root.getMessageId(), "one", true)).getData();
        var second = ok(org.reply(first.getMessageId(), "two", false)).getData();
        org.post(chatId, "elsewhere");

        var thread = org.history("thread", first.getThreadId());

        assertThat(ids(thread)).containsExactly(root.getMessageId(), first.getMessageId(), second.getMessageId());
    }

    @Test
    void unknownContainerIdTypeIsRejected() throws Exception {
        var org = fixtures.org();

        var resp = list(
                org.client,
                ListMessageReq.newBuilder().containerIdType("folder").containerId(org.group()));

        assertInvalid(resp, "invalid container_id_type");
    }

    @Test
    void unknownChatIsAnInvalidContainerId() throws Exception {
        var org = fixtures.org();

        assertInvalid(list(org.client, chat("oc_00000000000000000000000000000000")), "invalid container_id");
    }

    @Test
    void botOutsideTheChatCannotReadItsHistory() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var outsider = org.client(org.bot("Outsider"));

        assertFails(list(outsider, chat(chatId)), 230002);
    }

    /** The Java SDK sends history requests with a tenant token only; the doc also allows a user's. */
    @Test
    void memberReadsGroupHistoryWithAUserToken() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = org.group(ann);
        var sent = postMany(org, chatId, 2);
        String token = server.admin().userToken(org.bot.appId(), ann.userId());

        var reply = server.http().get("/open-apis/im/v1/messages?container_id_type=chat&container_id=" + chatId, token);

        assertThat(reply.code()).as(reply.body().toString()).isZero();
        var ids = new ArrayList<String>();
        reply.body()
                .path("data")
                .path("items")
                .forEach(m -> ids.add(m.path("message_id").asText()));
        assertThat(ids).containsExactlyElementsOf(sent);
    }
}
