package dev.larkspur.message;

import static dev.larkspur.message.ReactionCalls.AS_BOT;
import static dev.larkspur.message.ReactionCalls.add;
import static dev.larkspur.message.ReactionCalls.list;
import static dev.larkspur.message.ReactionCalls.recall;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.ListMessageReactionReq;
import com.lark.oapi.service.im.v1.model.ListMessageReactionResp;
import com.lark.oapi.service.im.v1.model.MessageReaction;
import dev.larkspur.support.TestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing a message's reactions (spec/message.md §3.20 "List"). */
class ReactionListIT {
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

    private static ListMessageReactionReq.Builder on(String messageId) {
        return ListMessageReactionReq.newBuilder().messageId(messageId);
    }

    private static List<String> emojis(ListMessageReactionResp resp) {
        return Arrays.stream(ok(resp).getData().getItems())
                .map(r -> r.getReactionType().getEmojiType())
                .toList();
    }

    @Test
    void listsEveryReactionOldestFirst() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var message = org.post(org.group(ann), "hello");
        ok(add(org.client, message.getMessageId(), "SMILE"));
        ok(add(org.client, message.getMessageId(), "SMILE", org.as(ann)));
        ok(add(org.client, message.getMessageId(), "LAUGH"));

        var items = ok(list(org.client, message.getMessageId())).getData().getItems();

        assertThat(items)
                .extracting(r -> r.getReactionType().getEmojiType())
                .containsExactly("SMILE", "SMILE", "LAUGH");
        assertThat(items)
                .extracting(r -> r.getOperator().getOperatorId())
                .containsExactly(org.bot.appId(), ann.openId(), org.bot.appId());
        assertThat(items).extracting(r -> r.getOperator().getOperatorType()).containsExactly("app", "user", "app");
    }

    @Test
    void filtersByReactionType() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");
        ok(add(org.client, message.getMessageId(), "SMILE"));
        ok(add(org.client, message.getMessageId(), "LAUGH"));

        var resp = list(org.client, on(message.getMessageId()).reactionType("LAUGH"), AS_BOT);

        assertThat(emojis(resp)).containsExactly("LAUGH");
    }

    @Test
    void showsPeopleInTheRequestedIdType() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var message = org.post(org.group(ann), "hello");
        ok(add(org.client, message.getMessageId(), "SMILE", org.as(ann)));

        var byUnion = list(org.client, on(message.getMessageId()).userIdType("union_id"), AS_BOT);
        var byUserId = list(org.client, on(message.getMessageId()).userIdType("user_id"), AS_BOT);

        assertThat(ok(byUnion).getData().getItems()[0].getOperator().getOperatorId())
                .isEqualTo(ann.unionId());
        assertThat(ok(byUserId).getData().getItems()[0].getOperator().getOperatorId())
                .isEqualTo(ann.userId());
    }

    @Test
    void userIdsNeedTheEmployeeIdScope() throws Exception {
        var org = fixtures.org();
        var reader = server.admin().app(org.tenantKey, "Reader", List.of("im:message.reactions:read"));
        String chatId = org.groupOwnedBy(org.person("Ann"), List.of(reader));
        var message = org.post(chatId, "hello");

        var resp = list(org.client(reader), on(message.getMessageId()).userIdType("user_id"), AS_BOT);

        assertFails(resp, 99991672);
    }

    @Test
    void unknownUserIdTypeIsRejected() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");

        var resp = list(org.client, on(message.getMessageId()).userIdType("email"), AS_BOT);

        assertFails(resp, 231014);
        assertThat(resp.getMsg()).isEqualTo("user_id_type is invalid.");
    }

    @Test
    void unknownReactionTypeFilterIsRejected() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");

        assertFails(list(org.client, on(message.getMessageId()).reactionType("smile"), AS_BOT), 231001);
    }

    @Test
    void pagesByKeyToTheEnd() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");
        var added = List.of("OK", "THUMBSUP", "THANKS", "MUSCLE", "DONE");
        for (String emoji : added) {
            ok(add(org.client, message.getMessageId(), emoji));
        }

        var seen = new ArrayList<MessageReaction>();
        var sizes = new ArrayList<Integer>();
        String token = null;
        do {
            var page = ok(list(
                            org.client, on(message.getMessageId()).pageSize(2).pageToken(token), AS_BOT))
                    .getData();
            seen.addAll(Arrays.asList(page.getItems()));
            sizes.add(page.getItems().length);
            assertThat(page.getPageToken() != null).isEqualTo(page.getHasMore());
            token = page.getHasMore() ? page.getPageToken() : null;
        } while (token != null);

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).extracting(r -> r.getReactionType().getEmojiType()).containsExactlyElementsOf(added);
    }

    @Test
    void pageTokenOfAnotherListIsRejected() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");
        ok(add(org.client, message.getMessageId(), "SMILE"));
        ok(add(org.client, message.getMessageId(), "LAUGH"));
        String token = ok(list(org.client, on(message.getMessageId()).pageSize(1), AS_BOT))
                .getData()
                .getPageToken();

        var resp = list(
                org.client, on(message.getMessageId()).reactionType("LAUGH").pageToken(token), AS_BOT);

        assertFails(resp, 231012);
        assertThat(resp.getMsg()).isEqualTo("The request has an invalid pageToken.");
    }

    @Test
    void garbledPageTokenIsRejected() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");

        assertFails(list(org.client, on(message.getMessageId()).pageToken("bm90LWEtdG9rZW4"), AS_BOT), 231012);
    }

    @Test
    void pageSizeAboveFiftyIsRejected() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");

        assertFails(list(org.client, on(message.getMessageId()).pageSize(51), AS_BOT), 99992402);
    }

    @Test
    void outsidersMayNotListReactions() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");

        var resp = list(org.client, on(message.getMessageId()), org.as(org.person("Bob")));

        assertFails(resp, 231008);
        assertThat(resp.getMsg()).isEqualTo("The operator has no access to the message.");
    }

    @Test
    void recalledMessageHasNoReactionList() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");
        ok(add(org.client, message.getMessageId(), "SMILE"));
        recall(org.client, message.getMessageId());

        assertFails(list(org.client, message.getMessageId()), 231003);
    }

    @Test
    void listAnswersWithExactlyTheDocumentedFields() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");
        ok(add(org.client, message.getMessageId(), "SMILE"));

        var body = org.rawGet("/open-apis/im/v1/messages/" + message.getMessageId() + "/reactions");

        var data = body.path("data");
        assertThat(data.propertyNames()).containsExactly("items", "has_more");
        assertThat(data.path("has_more").isBoolean()).isTrue();
        assertThat(data.path("items").get(0).propertyNames())
                .containsExactly("reaction_id", "operator", "action_time", "reaction_type");
    }
}
