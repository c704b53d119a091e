package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.parse;
import static dev.larkspur.message.MessageFixtures.text;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The {@code im.message.receive_v1} event each message records (spec/message.md §5.2). */
class MessageEventsIT {
    private static final String RECEIVED = "im.message.receive_v1";
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

    /** The {@code event} of the one receive event recorded for the message, as the main bot gets it. */
    private static JsonNode receivedEvent(MessageFixtures.Org org, String chatId, String messageId) {
        var matching = org.events(chatId, org.bot, RECEIVED).stream()
                .map(e -> e.path("payload"))
                .filter(p -> p.path("event")
                        .path("message")
                        .path("message_id")
                        .asText()
                        .equals(messageId))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    @Test
    void userMessageInAGroupIsRecordedWithItsSenderAndMessage() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = org.group(ann);
        var sent = ok(org.send(org.client, "chat_id", chatId, "text", text("hello all"), org.as(ann)))
                .getData();

        var payload = receivedEvent(org, chatId, sent.getMessageId());

        assertThat(payload.path("schema").asText()).isEqualTo("2.0");
        assertThat(payload.path("header").path("event_type").asText()).isEqualTo(RECEIVED);
        assertThat(payload.path("header").path("app_id").asText()).isEqualTo(org.bot.appId());
        var sender = payload.path("event").path("sender");
        assertThat(sender.path("sender_id").path("open_id").asText()).isEqualTo(ann.openId());
        assertThat(sender.path("sender_id").path("union_id").asText()).isEqualTo(ann.unionId());
        assertThat(sender.path("sender_type").asText()).isEqualTo("user");
        assertThat(sender.path("tenant_key").asText()).isEqualTo(org.tenantKey);
        var message = payload.path("event").path("message");
        assertThat(message.path("chat_id").asText()).isEqualTo(chatId);
        assertThat(message.path("chat_type").asText()).isEqualTo("group");
        assertThat(message.path("message_type").asText()).isEqualTo("text");
        assertThat(message.has("msg_type")).isFalse();
        assertThat(message.path("create_time").asText()).isEqualTo(sent.getCreateTime());
        assertThat(parse(message.path("content").asText()).path("text").asText())
                .isEqualTo("hello all");
        assertThat(message.has("root_id")).isFalse();
        assertThat(message.has("parent_id")).isFalse();
        assertThat(message.has("thread_id")).isFalse();
    }

    @Test
    void mentionsInTheEventNameThePersonByAnIdObject() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = org.group(ann, bob);
        var sent = ok(org.send(
                        org.client,
                        "chat_id",
                        chatId,
                        "text",
                        text("<at user_id=\"" + bob.openId() + "\">Bob</at> look"),
                        org.as(ann)))
                .getData();

        var message =
                receivedEvent(org, chatId, sent.getMessageId()).path("event").path("message");

        assertThat(parse(message.path("content").asText()).path("text").asText())
                .isEqualTo("@_user_1 look");
        var mention = message.path("mentions").path(0);
        assertThat(mention.path("key").asText()).isEqualTo("@_user_1");
        assertThat(mention.path("id").path("open_id").asText()).isEqualTo(bob.openId());
        assertThat(mention.path("id").path("union_id").asText()).isEqualTo(bob.unionId());
        assertThat(mention.path("name").asText()).isEqualTo("Bob");
    }

    @Test
    void messageToAPersonIsRecordedAsP2p() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var sent = ok(org.send("open_id", ann.openId(), "text", text("hi Ann"))).getData();

        var message = receivedEvent(org, sent.getChatId(), sent.getMessageId())
                .path("event")
                .path("message");

        assertThat(message.path("chat_type").asText()).isEqualTo("p2p");
        assertThat(message.path("chat_id").asText()).isEqualTo(sent.getChatId());
    }

    @Test
    void threadReplyIsRecordedWithRootParentAndThread() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var root = org.post(chatId, "topic");
        var r = ok(org.reply(root.getMessageId(), "in thread", true)).getData();

        var message = receivedEvent(org, chatId, r.getMessageId()).path("event").path("message");

        assertThat(message.path("root_id").asText()).isEqualTo(root.getMessageId());
        assertThat(message.path("parent_id").asText()).isEqualTo(root.getMessageId());
        assertThat(message.path("thread_id").asText()).isEqualTo(r.getThreadId());
    }

    @Test
    void eachAppSeesTheSenderByItsOwnOpenId() throws Exception {
        var org = fixtures.org();
        var other = org.bot("Other");
        var ann = org.person("Ann");
        String chatId = org.groupOwnedBy(ann, List.of(other));
        var sent = ok(org.send(org.client, "chat_id", chatId, "text", text("hi bots"), org.as(ann)))
                .getData();

        var seenByOther = org.events(chatId, other, RECEIVED).stream()
                .map(e -> e.path("payload"))
                .filter(p -> p.path("event")
                        .path("message")
                        .path("message_id")
                        .asText()
                        .equals(sent.getMessageId()))
                .findFirst()
                .orElseThrow();

        String otherOpenId = seenByOther
                .path("event")
                .path("sender")
                .path("sender_id")
                .path("open_id")
                .asText();
        assertThat(otherOpenId).startsWith("ou_").isNotEqualTo(ann.openId());
        assertThat(seenByOther.path("header").path("app_id").asText()).isEqualTo(other.appId());
    }
}
