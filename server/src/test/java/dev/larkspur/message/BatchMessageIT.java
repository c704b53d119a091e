package dev.larkspur.message;

import static dev.larkspur.message.BatchCalls.body;
import static dev.larkspur.message.BatchCalls.p2pHistory;
import static dev.larkspur.message.BatchCalls.rawData;
import static dev.larkspur.message.BatchCalls.sendText;
import static dev.larkspur.message.LegacyCalls.assertFails;
import static dev.larkspur.message.MessageFixtures.parse;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.event.EventType;
import dev.larkspur.support.Responses;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batch messages (spec/message.md §3.15): {@code message/v4/batch_send/} through the SDK's raw post,
 * then recall, read counts and progress through {@code client.im().batchMessage()}. The server's
 * daily quota is set to three messages per app, so that one test can reach it.
 */
class BatchMessageIT {
    private static TestServer server;
    private static MessageFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("larkspur.message-limits.batch-per-day", 3));
        fixtures = new MessageFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String batchId(LegacyCalls.Reply reply) {
        return LegacyCalls.ok(reply).data().path("message_id").asText();
    }

    @Test
    void batchSendAnswersOkWithABatchIdAndTypedInvalidLists() throws Exception {
        var org = fixtures.org();

        var reply =
                LegacyCalls.ok(sendText(org.client, "hello", org.person("Ann").openId()));

        assertThat(reply.data().path("message_id").asText()).matches("bm-[0-9a-f]{32}");
        for (String list :
                List.of("invalid_department_ids", "invalid_open_ids", "invalid_user_ids", "invalid_union_ids")) {
            assertThat(reply.data().path(list).isArray()).as(list).isTrue();
            assertThat(reply.data().path(list)).as(list).isEmpty();
        }
    }

    @Test
    void everyIdKindReachesItsPersonInTheirP2pChat() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        var cat = org.person("Cat");

        batchId(sendText(
                org.client,
                "all hands",
                Map.of(
                        "open_ids", List.of(ann.openId()),
                        "user_ids", List.of(bob.userId()),
                        "union_ids", List.of(cat.unionId()))));

        for (var person : List.of(ann, bob, cat)) {
            var history = p2pHistory(org, person);
            assertThat(history).as(person.name()).hasSize(1);
            assertThat(history.get(0).getMessageId()).matches("om_[0-9a-f]{32}");
            assertThat(history.get(0).getSender().getId()).isEqualTo(org.bot.appId());
            assertThat(parse(history.get(0).getBody().getContent()).path("text").asText())
                    .isEqualTo("all hands");
        }
    }

    @Test
    void eachBatchMessageRecordsItsReceiveEvent() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");

        batchId(sendText(org.client, "evented", ann.openId()));

        String chatId = BatchCalls.p2pChat(org, ann);
        var events = org.events(chatId, org.bot, EventType.MESSAGE_RECEIVED.wireName());
        var first = events.get(0).path("payload").path("event").path("message");
        assertThat(first.path("chat_type").asText()).isEqualTo("p2p");
        assertThat(parse(first.path("content").asText()).path("text").asText()).isEqualTo("evented");
    }

    @Test
    void idsThatNameNoOneAreReportedPerKindWhileTheRestIsSent() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");

        var data = LegacyCalls.ok(sendText(
                        org.client,
                        "hi",
                        Map.of(
                                "open_ids", List.of(ann.openId(), "ou_nobody"),
                                "user_ids", List.of("no-such-user"),
                                "union_ids", List.of("on_nobody"),
                                "department_ids", List.of("no-such-dept", "0"))))
                .data();

        assertThat(data.path("invalid_open_ids").get(0).asText()).isEqualTo("ou_nobody");
        assertThat(data.path("invalid_user_ids").get(0).asText()).isEqualTo("no-such-user");
        assertThat(data.path("invalid_union_ids").get(0).asText()).isEqualTo("on_nobody");
        assertThat(data.path("invalid_department_ids").toString()).isEqualTo("[\"no-such-dept\",\"0\"]");
        assertThat(p2pHistory(org, ann)).hasSize(1);
    }

    @Test
    void aDepartmentReachesEachOfItsMembers() throws Exception {
        var org = fixtures.org();
        BatchCalls.department(server, org, "sales", "sam", "sue");

        String batchId = batchId(sendText(org.client, "sales news", Map.of("department_ids", List.of("sales"))));

        var progress = ok(BatchCalls.progress(org.client, batchId)).getData().getBatchMessageSendProgress();
        assertThat(progress.getValidUserIdsCount()).isEqualTo(2);
        assertThat(progress.getSuccessUserIdsCount()).isEqualTo(2);
    }

    @Test
    void aPersonNamedTwiceGetsOneMessage() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");

        batchId(sendText(
                org.client, "once", Map.of("open_ids", List.of(ann.openId()), "user_ids", List.of(ann.userId()))));

        assertThat(p2pHistory(org, ann)).hasSize(1);
    }

    @Test
    void aCardTravelsInCard() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var card = Map.of(
                "header", Map.of("title", Map.of("tag", "plain_text", "content", "Poll")), "elements", List.of());

        batchId(BatchCalls.send(org.client, body("interactive", card, Map.of("open_ids", List.of(ann.openId())))));

        var message = p2pHistory(org, ann).get(0);
        assertThat(message.getMsgType()).isEqualTo("interactive");
        assertThat(parse(message.getBody().getContent()).path("title").asText()).isEqualTo("Poll");
    }

    @Test
    void aBatchWithoutRecipientsFailsWithHttp200() throws Exception {
        var org = fixtures.org();

        assertFails(sendText(org.client, "nobody", Map.of()), 10003);
    }

    @Test
    void onlyTheFiveV4MessageTypesAreSent() throws Exception {
        var org = fixtures.org();

        var reply = BatchCalls.send(
                org.client,
                body(
                        "file",
                        Map.of("file_key", "file_x"),
                        Map.of("open_ids", List.of(org.person("Ann").openId()))));

        assertFails(reply, 10003);
    }

    @Test
    void aListOfMoreThan200IdsIsRefused() throws Exception {
        var org = fixtures.org();

        var reply = sendText(org.client, "x", Map.of("open_ids", Collections.nCopies(201, "ou_x")));

        assertFails(reply, 10003);
    }

    @Test
    void idListsNeedTheMultiUsersScope() throws Exception {
        var org = fixtures.org();
        var narrow = server.admin().app(org.tenantKey, "Narrow", List.of("im:message", "im:message:send_multi_depts"));

        assertFails(sendText(org.client(narrow), "x", org.person("Ann").openId()), 11203);
    }

    @Test
    void departmentsNeedTheMultiDeptsScope() throws Exception {
        var org = fixtures.org();
        var narrow = server.admin().app(org.tenantKey, "Narrow", List.of("im:message", "im:message:send_multi_users"));

        var reply = sendText(org.client(narrow), "x", Map.of("department_ids", List.of("sales")));

        assertFails(reply, 11204);
    }

    @Test
    void anAppSendsAtMostItsDailyQuota() throws Exception {
        var org = fixtures.org();
        batchId(sendText(
                org.client, "1", org.person("Ann").openId(), org.person("Bob").openId()));

        var reply = sendText(
                org.client, "2", org.person("Cat").openId(), org.person("Dan").openId());

        assertFails(reply, 11247);
    }

    @Test
    void recallRecallsEveryMessageAndReportsIt() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String batchId = batchId(sendText(org.client, "oops", ann.openId(), bob.openId()));

        ok(BatchCalls.recall(org.client, batchId, null));

        assertThat(p2pHistory(org, ann).get(0).getDeleted()).isTrue();
        assertThat(org.events(BatchCalls.p2pChat(org, bob), org.bot, EventType.MESSAGE_RECALLED.wireName()))
                .hasSize(1);
        var recall = rawData(BatchCalls.progress(org.client, batchId)).path("batch_message_recall_progress");
        assertThat(recall.path("recall").isBoolean()).isTrue();
        assertThat(recall.path("recall").asBoolean()).isTrue();
        assertThat(recall.path("recall_count").isInt()).isTrue();
        assertThat(recall.path("recall_count").asInt()).isEqualTo(2);
    }

    @Test
    void aBatchIsRecalledWithinOneDay() throws Exception {
        var org = fixtures.org();
        String batchId = batchId(sendText(org.client, "old", org.person("Ann").openId()));
        server.clock().advance(Duration.ofHours(25));
        var client = BatchCalls.uncachedClient(server, org.bot);

        Responses.assertFails(BatchCalls.recall(client, batchId, BatchCalls.freshToken(server, org.bot)), 230009);
    }

    @Test
    void onlyTheSendingBotRecallsOrQueriesABatch() throws Exception {
        var org = fixtures.org();
        String batchId = batchId(sendText(org.client, "mine", org.person("Ann").openId()));
        var other = org.client(org.bot("Other Bot"));

        Responses.assertFails(BatchCalls.recall(other, batchId, null), 230026);
        Responses.assertFails(BatchCalls.readUser(other, batchId, null), 230012);
        Responses.assertFails(BatchCalls.progress(other, batchId), 230012);
    }

    @Test
    void anUnknownBatchIsNotFound() throws Exception {
        var org = fixtures.org();

        Responses.assertFails(BatchCalls.progress(org.client, "bm-00000000000000000000000000000000"), 230030);
        MessageFixtures.assertInvalid(
                BatchCalls.readUser(org.client, "bm-", null), "batch_message_id length is less than 4");
    }

    @Test
    void readCountsAreStringsAndGrowAsPeopleRead() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String batchId = batchId(
                sendText(org.client, "read me", ann.openId(), org.person("Bob").openId()));
        String messageId = p2pHistory(org, ann).get(0).getMessageId();
        BatchCalls.markRead(server, org, ann, messageId);

        var readUser = rawData(BatchCalls.readUser(org.client, batchId, null)).path("read_user");
        assertThat(readUser.path("read_count").isString()).isTrue();
        assertThat(readUser.path("read_count").asText()).isEqualTo("1");
        assertThat(readUser.path("total_count").asText()).isEqualTo("2");
        var sent = rawData(BatchCalls.progress(org.client, batchId)).path("batch_message_send_progress");
        assertThat(sent.path("read_user_ids_count").isInt()).isTrue();
        assertThat(sent.path("read_user_ids_count").asInt()).isEqualTo(1);
        assertThat(sent.path("valid_user_ids_count").asInt()).isEqualTo(2);
        assertThat(sent.path("success_user_ids_count").asInt()).isEqualTo(2);
    }
}
