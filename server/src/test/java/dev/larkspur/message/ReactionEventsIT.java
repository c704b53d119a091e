package dev.larkspur.message;

import static dev.larkspur.message.ReactionCalls.add;
import static dev.larkspur.message.ReactionCalls.addAs;
import static dev.larkspur.message.ReactionCalls.delete;
import static dev.larkspur.message.ReactionCalls.deleteAs;
import static dev.larkspur.message.ReactionCalls.list;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The reaction events (spec/message.md §5.5), as another bot in the chat receives them, and people
 * reacting through the operator API.
 */
class ReactionEventsIT {
    private static final String CREATED = "im.message.reaction.created_v1";
    private static final String DELETED = "im.message.reaction.deleted_v1";
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

    /** The {@code event} of each recorded event of the type, as {@code viewer} receives it. */
    private static List<JsonNode> events(MessageFixtures.Org org, String chatId, Admin.AppCreds viewer, String type) {
        return org.events(chatId, viewer, type).stream()
                .map(e -> e.path("payload").path("event"))
                .toList();
    }

    @Test
    void personsReactionIsRecordedForTheBotsInTheChatWithTheirIds() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var other = org.bot("Other");
        String chatId = org.groupOwnedBy(ann, List.of(other));
        var message = org.post(chatId, "hello");
        var reaction = ok(add(org.client, message.getMessageId(), "SMILE", org.as(ann)))
                .getData();

        var recorded = org.events(chatId, other, CREATED);

        assertThat(recorded).hasSize(1);
        var payload = recorded.get(0).path("payload");
        assertThat(payload.path("header").path("app_id").asText()).isEqualTo(other.appId());
        var event = payload.path("event");
        assertThat(event.propertyNames())
                .containsExactly("message_id", "reaction_type", "operator_type", "user_id", "action_time");
        assertThat(event.path("message_id").asText()).isEqualTo(message.getMessageId());
        assertThat(event.path("reaction_type").path("emoji_type").asText()).isEqualTo("SMILE");
        assertThat(event.path("operator_type").asText()).isEqualTo("user");
        var otherAnn = Admin.ok(server.admin()
                        .call("GET", "/admin/v1/tenants/" + org.tenantKey + "/users/" + ann.userId(), null))
                .path("open_ids")
                .path(other.appId())
                .asText();
        assertThat(event.path("user_id").path("open_id").asText()).isEqualTo(otherAnn);
        assertThat(event.path("user_id").path("union_id").asText()).isEqualTo(ann.unionId());
        assertThat(event.path("user_id").path("user_id").asText()).isEqualTo(ann.userId());
        assertThat(event.path("action_time").asText()).isEqualTo(reaction.getActionTime());
    }

    @Test
    void botsReactionIsRecordedWithItsAppId() throws Exception {
        var org = fixtures.org();
        var other = org.bot("Other");
        String chatId = org.groupOwnedBy(org.person("Ann"), List.of(other));
        var message = org.post(chatId, "hello");
        ok(add(org.client, message.getMessageId(), "THUMBSUP"));

        var event = events(org, chatId, other, CREATED).get(0);

        assertThat(event.path("operator_type").asText()).isEqualTo("app");
        assertThat(event.path("app_id").asText()).isEqualTo(org.bot.appId());
        assertThat(event.has("user_id")).isFalse();
        assertThat(event.has("reaction_id")).isFalse();
    }

    @Test
    void reactingAgainWithTheSameEmojiRecordsNoSecondEvent() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));
        var message = org.post(chatId, "hello");
        ok(add(org.client, message.getMessageId(), "SMILE"));
        ok(add(org.client, message.getMessageId(), "SMILE"));

        assertThat(events(org, chatId, org.bot, CREATED)).hasSize(1);
    }

    @Test
    void deletedEventCarriesTheTimeOfDeletion() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = org.group(ann);
        var message = org.post(chatId, "hello");
        var reaction = ok(add(org.client, message.getMessageId(), "SMILE", org.as(ann)))
                .getData();
        server.clock().advance(Duration.ofMinutes(5));

        ok(delete(org.client, message.getMessageId(), reaction.getReactionId(), org.as(ann)));

        var deleted = events(org, chatId, org.bot, DELETED);
        assertThat(deleted).hasSize(1);
        var event = deleted.get(0);
        assertThat(event.path("message_id").asText()).isEqualTo(message.getMessageId());
        assertThat(event.path("reaction_type").path("emoji_type").asText()).isEqualTo("SMILE");
        assertThat(event.path("operator_type").asText()).isEqualTo("user");
        assertThat(event.path("user_id").path("open_id").asText()).isEqualTo(ann.openId());
        assertThat(Long.parseLong(event.path("action_time").asText()))
                .isGreaterThanOrEqualTo(Long.parseLong(reaction.getActionTime())
                        + Duration.ofMinutes(5).toMillis());
    }

    @Test
    void refusedReactionsRecordNothing() throws Exception {
        var org = fixtures.org();
        String chatId = org.group(org.person("Ann"));
        var message = org.post(chatId, "hello");
        add(org.client, message.getMessageId(), "NOT_AN_EMOJI");
        add(org.client(org.bot("Outsider")), message.getMessageId(), "SMILE");

        assertThat(events(org, chatId, org.bot, CREATED)).isEmpty();
    }

    @Test
    void personReactsThroughTheOperatorApi() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = org.group(ann);
        var message = org.post(chatId, "hello");

        var added = Admin.ok(addAs(server, org.tenantKey, ann.userId(), message.getMessageId(), "HEART", null));

        assertThat(added.path("operator").path("operator_type").asText()).isEqualTo("user");
        assertThat(added.path("operator").path("operator_id").asText()).isEqualTo(ann.openId());
        assertThat(added.path("reaction_type").path("emoji_type").asText()).isEqualTo("HEART");
        var listed = ok(list(org.client, message.getMessageId())).getData().getItems();
        assertThat(listed).hasSize(1);
        assertThat(listed[0].getReactionId())
                .isEqualTo(added.path("reaction_id").asText());
        assertThat(events(org, chatId, org.bot, CREATED)).hasSize(1);
    }

    @Test
    void personTakesTheirReactionBackThroughTheOperatorApi() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = org.group(ann);
        var message = org.post(chatId, "hello");
        String reactionId = Admin.ok(addAs(server, org.tenantKey, ann.userId(), message.getMessageId(), "HEART", null))
                .path("reaction_id")
                .asText();

        var deleted = Admin.ok(deleteAs(server, org.tenantKey, ann.userId(), reactionId));

        assertThat(deleted.path("reaction_id").asText()).isEqualTo(reactionId);
        assertThat(ok(list(org.client, message.getMessageId())).getData().getItems())
                .isNullOrEmpty();
        assertThat(events(org, chatId, org.bot, DELETED)).hasSize(1);
    }

    @Test
    void personActingThroughTheOperatorApiMeetsTheSameRules() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var message = org.post(org.group(ann), "hello");
        var botReaction = ok(add(org.client, message.getMessageId(), "SMILE")).getData();

        var outsider = addAs(server, org.tenantKey, org.person("Bob").userId(), message.getMessageId(), "SMILE", null);
        var notAdder = deleteAs(server, org.tenantKey, ann.userId(), botReaction.getReactionId());

        assertThat(outsider.code()).isEqualTo(231002);
        assertThat(notAdder.code()).isEqualTo(231007);
    }
}
