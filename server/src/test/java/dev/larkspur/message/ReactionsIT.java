package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.json;
import static dev.larkspur.message.ReactionCalls.add;
import static dev.larkspur.message.ReactionCalls.delete;
import static dev.larkspur.message.ReactionCalls.list;
import static dev.larkspur.message.ReactionCalls.recall;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Adding and deleting reactions (spec/message.md §3.20). Events: ReactionEventsIT; listing: ReactionListIT. */
class ReactionsIT {
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
    void botReactsAndIsNamedByItsAppId() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");

        var reaction = ok(add(org.client, message.getMessageId(), "SMILE")).getData();

        assertThat(reaction.getReactionId()).isNotBlank();
        assertThat(reaction.getOperator().getOperatorType()).isEqualTo("app");
        assertThat(reaction.getOperator().getOperatorId()).isEqualTo(org.bot.appId());
        assertThat(reaction.getActionTime()).matches("\\d{13}");
        assertThat(reaction.getReactionType().getEmojiType()).isEqualTo("SMILE");
    }

    @Test
    void reactionAnswersWithExactlyTheDocumentedFields() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");
        String token = server.http().tenantToken(org.bot.appId(), org.bot.appSecret());

        var reply = server.http()
                .post(
                        "/open-apis/im/v1/messages/" + message.getMessageId() + "/reactions",
                        token,
                        json(Map.of("reaction_type", Map.of("emoji_type", "THUMBSUP"))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("msg").asText()).isEqualTo("success");
        var data = reply.body().path("data");
        assertThat(data.propertyNames()).containsExactly("reaction_id", "operator", "action_time", "reaction_type");
        assertThat(data.path("operator").propertyNames()).containsExactly("operator_id", "operator_type");
        assertThat(data.path("reaction_type").propertyNames()).containsExactly("emoji_type");
        assertThat(data.path("action_time").isString()).isTrue();
    }

    @Test
    void personReactsAndIsNamedByTheirOpenId() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var message = org.post(org.group(ann), "hello");

        var reaction = ok(add(org.client, message.getMessageId(), "LAUGH", org.as(ann)))
                .getData();

        assertThat(reaction.getOperator().getOperatorType()).isEqualTo("user");
        assertThat(reaction.getOperator().getOperatorId()).isEqualTo(ann.openId());
    }

    @Test
    void unknownEmojiTypeIsRejected() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");

        var resp = add(org.client, message.getMessageId(), "NOT_AN_EMOJI");

        assertFails(resp, 231001);
        assertThat(resp.getMsg()).isEqualTo("reaction type is invalid.");
    }

    @Test
    void emojiTypesMatchCaseSensitively() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");

        assertFails(add(org.client, message.getMessageId(), "smile"), 231001);
        ok(add(org.client, message.getMessageId(), "EatingFood"));
    }

    @Test
    void missingReactionTypeIsRejected() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");

        assertFails(add(org.client, message.getMessageId(), null), 231001);
    }

    @Test
    void recalledMessageTakesNoReactions() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "oops");
        recall(org.client, message.getMessageId());

        var resp = add(org.client, message.getMessageId(), "SMILE");

        assertFails(resp, 231003);
        assertThat(resp.getMsg()).isEqualTo("The message is not found, maybe not exist or deleted.");
    }

    @Test
    void unknownMessageTakesNoReactions() throws Exception {
        var org = fixtures.org();

        assertFails(add(org.client, "om_00000000000000000000000000000000", "SMILE"), 231003);
    }

    @Test
    void systemMessageTakesNoReactions() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var divider = json(Map.of("type", "divider", "params", Map.of("divider_text", Map.of("text", "New"))));
        String messageId = ok(org.send("open_id", ann.openId(), "system", divider))
                .getData()
                .getMessageId();

        var resp = add(org.client, messageId, "SMILE");

        assertFails(resp, 231017);
        assertThat(resp.getMsg()).isEqualTo("This operation is not supported for this message type.");
    }

    @Test
    void botOutsideTheChatMayNotReact() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");
        var outsider = org.client(org.bot("Outsider"));

        var resp = add(outsider, message.getMessageId(), "SMILE");

        assertFails(resp, 231002);
        assertThat(resp.getMsg()).isEqualTo("The operator has no permission to react on the specific message.");
    }

    @Test
    void personOutsideTheChatMayNotReact() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");

        assertFails(add(org.client, message.getMessageId(), "SMILE", org.as(org.person("Bob"))), 231002);
    }

    @Test
    void messageOfAnotherTenantIsInvisible() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");

        var resp = add(fixtures.org().client, message.getMessageId(), "SMILE");

        assertFails(resp, 231018);
        assertThat(resp.getMsg()).isEqualTo("The message is invisible to the operator.");
    }

    @Test
    void reactingTwiceWithTheSameEmojiAnswersTheFirstReaction() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");
        var first = ok(add(org.client, message.getMessageId(), "SMILE")).getData();

        var second = ok(add(org.client, message.getMessageId(), "SMILE")).getData();

        assertThat(second.getReactionId()).isEqualTo(first.getReactionId());
        assertThat(second.getActionTime()).isEqualTo(first.getActionTime());
        assertThat(ok(list(org.client, message.getMessageId())).getData().getItems())
                .hasSize(1);
    }

    @Test
    void appWithoutBotAbilityMayNotReact() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");
        Admin.ok(server.admin().call("PATCH", "/admin/v1/apps/" + org.bot.appId(), Map.of("bot_enabled", false)));

        assertFails(add(org.client, message.getMessageId(), "SMILE"), 230006);
    }

    @Test
    void appWithoutAReactionWriteScopeIsRefused() throws Exception {
        var org = fixtures.org();
        var reader = server.admin().app(org.tenantKey, "Reader", List.of("im:message:readonly"));
        var message = org.post(org.group(org.person("Ann")), "hello");

        assertFails(add(org.client(reader), message.getMessageId(), "SMILE"), 99991672);
    }

    @Test
    void adderDeletesTheReactionAndGetsItBack() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");
        var added = ok(add(org.client, message.getMessageId(), "SMILE")).getData();

        var deleted = ok(delete(org.client, message.getMessageId(), added.getReactionId()))
                .getData();

        assertThat(deleted.getReactionId()).isEqualTo(added.getReactionId());
        assertThat(deleted.getOperator().getOperatorId()).isEqualTo(org.bot.appId());
        assertThat(deleted.getOperator().getOperatorType()).isEqualTo("app");
        assertThat(deleted.getActionTime()).as("the time it was added").isEqualTo(added.getActionTime());
        assertThat(deleted.getReactionType().getEmojiType()).isEqualTo("SMILE");
        assertThat(ok(list(org.client, message.getMessageId())).getData().getItems())
                .isNullOrEmpty();
    }

    @Test
    void onlyTheAdderMayDeleteAReaction() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var message = org.post(org.group(ann), "hello");
        var annReaction = ok(add(org.client, message.getMessageId(), "SMILE", org.as(ann)))
                .getData();

        var resp = delete(org.client, message.getMessageId(), annReaction.getReactionId());

        assertFails(resp, 231007);
        assertThat(resp.getMsg()).isEqualTo("The operator has no permission to delete this reaction.");
    }

    @Test
    void reactionOfAnotherMessageCannotBeDeletedThroughThisOne() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));
        var first = org.post(chatId, "one");
        var second = org.post(chatId, "two");
        var reaction = ok(add(org.client, first.getMessageId(), "SMILE")).getData();

        var resp = delete(org.client, second.getMessageId(), reaction.getReactionId());

        assertFails(resp, 231010);
        assertThat(resp.getMsg()).isEqualTo("The reaction does not belong to the message.");
    }

    @Test
    void unknownOrAlreadyDeletedReactionIsRejected() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");
        var reaction = ok(add(org.client, message.getMessageId(), "SMILE")).getData();
        ok(delete(org.client, message.getMessageId(), reaction.getReactionId()));

        var again = delete(org.client, message.getMessageId(), reaction.getReactionId());
        var unknown = delete(org.client, message.getMessageId(), "ZCaCIjUBVVWSrm5L-3ZTwNotThere");

        assertFails(again, 231011);
        assertThat(again.getMsg()).isEqualTo("The request has an invalid reaction_id.");
        assertFails(unknown, 231011);
    }

    @Test
    void reactionsOfARecalledMessageCannotBeDeleted() throws Exception {
        var org = fixtures.org();
        var message = org.post(org.group(org.person("Ann")), "hello");
        var reaction = ok(add(org.client, message.getMessageId(), "SMILE")).getData();
        recall(org.client, message.getMessageId());

        assertFails(delete(org.client, message.getMessageId(), reaction.getReactionId()), 231003);
    }
}
