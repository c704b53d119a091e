package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.message.MessageFixtures.json;
import static dev.larkspur.message.MessageFixtures.parse;
import static dev.larkspur.message.MessageFixtures.text;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.DeleteMessageReq;
import com.lark.oapi.service.im.v1.model.PatchMessageReq;
import com.lark.oapi.service.im.v1.model.PatchMessageReqBody;
import com.lark.oapi.service.im.v1.model.PatchMessageResp;
import dev.larkspur.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Cards ({@code interactive}, spec/message.md §4, §3.4): the simplified card readers get, the card
 * as sent on request, and updating a shared card.
 */
class MessageCardIT {
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

    /** A schema 2.0 card with a title, a markdown line, a divider and a button. */
    private static String card20(String title, boolean shared) {
        return json(Map.of(
                "schema",
                "2.0",
                "config",
                Map.of("update_multi", shared),
                "header",
                Map.of("title", Map.of("tag", "plain_text", "content", title)),
                "body",
                Map.of(
                        "elements",
                        List.of(
                                Map.of("tag", "markdown", "content", "**done**"),
                                Map.of("tag", "hr"),
                                Map.of(
                                        "tag",
                                        "button",
                                        "type",
                                        "primary",
                                        "text",
                                        Map.of("tag", "plain_text", "content", "Open"))))));
    }

    private static String sendCard(String content) throws Exception {
        return org.sendToChat(group, "interactive", content).getData().getMessageId();
    }

    private static JsonNode readBack(String messageId) throws Exception {
        return parse(org.get(messageId).getBody().getContent());
    }

    private static PatchMessageResp patch(Client as, String messageId, String content) throws Exception {
        return as.im()
                .message()
                .patch(PatchMessageReq.newBuilder()
                        .messageId(messageId)
                        .patchMessageReqBody(PatchMessageReqBody.newBuilder()
                                .content(content)
                                .build())
                        .build());
    }

    @Test
    void card20IsReadAsASimplifiedCard() throws Exception {
        var content = readBack(sendCard(card20("Deploy", false)));

        assertThat(content.path("title").asText()).isEqualTo("Deploy");
        var lines = content.path("elements");
        assertThat(lines.size()).isEqualTo(3);
        assertThat(lines.path(0).path(0).path("tag").asText()).isEqualTo("text");
        assertThat(lines.path(0).path(0).path("text").asText()).isEqualTo("**done**");
        assertThat(lines.path(1).path(0).path("tag").asText()).isEqualTo("hr");
        assertThat(lines.path(2).path(0).path("tag").asText()).isEqualTo("button");
        assertThat(lines.path(2).path(0).path("text").asText()).isEqualTo("Open");
        assertThat(lines.path(2).path(0).path("type").asText()).isEqualTo("primary");
    }

    @Test
    void card10IsReadAsASimplifiedCard() throws Exception {
        String card = json(Map.of(
                "config",
                Map.of("wide_screen_mode", true),
                "header",
                Map.of("title", Map.of("tag", "plain_text", "content", "Old style")),
                "elements",
                List.of(
                        Map.of("tag", "div", "text", Map.of("tag", "lark_md", "content", "hello")),
                        Map.of(
                                "tag",
                                "action",
                                "actions",
                                List.of(
                                        Map.of("tag", "button", "type", "default", "text", Map.of("content", "A")),
                                        Map.of("tag", "button", "type", "danger", "text", Map.of("content", "B")))))));

        var content = readBack(sendCard(card));

        assertThat(content.path("title").asText()).isEqualTo("Old style");
        assertThat(content.path("elements").path(0).path(0).path("text").asText())
                .isEqualTo("hello");
        var buttons = content.path("elements").path(1);
        assertThat(buttons.size()).isEqualTo(2);
        assertThat(buttons.path(1).path("text").asText()).isEqualTo("B");
        assertThat(buttons.path(1).path("type").asText()).isEqualTo("danger");
    }

    @Test
    void templateCardIsAcceptedAndReadAsASimplifiedCard() throws Exception {
        String template = json(Map.of(
                "type",
                "template",
                "data",
                Map.of("template_id", "AAqk1234", "template_variable", Map.of("name", "Ann"))));

        var content = readBack(sendCard(template));

        assertThat(content.has("title")).isTrue();
        assertThat(content.path("elements").isArray()).isTrue();
    }

    @Test
    void templateWithoutTemplateIdIsRejected() throws Exception {
        var resp = org.send("chat_id", group, "interactive", json(Map.of("type", "template", "data", Map.of())));

        assertInvalid(resp, "validate content fail");
    }

    @Test
    void cardWhoseElementsAreNotAListFailsToBeCreated() throws Exception {
        var resp = org.send("chat_id", group, "interactive", json(Map.of("elements", "oops")));

        assertFails(resp, 230099);
    }

    @Test
    void cardOver30KilobytesIsTooLong() throws Exception {
        String card = json(Map.of("elements", List.of(Map.of("tag", "markdown", "content", "a".repeat(30 * 1024)))));

        assertFails(org.send("chat_id", group, "interactive", card), 230025);
    }

    @Test
    void userCardContentGetsTheCardAsSent() throws Exception {
        String card = card20("As sent", true);
        String messageId = sendCard(card);

        var reply = org.rawGet("/open-apis/im/v1/messages/" + messageId + "?card_msg_content_type=user_card_content");

        String content = reply.path("data")
                .path("items")
                .path(0)
                .path("body")
                .path("content")
                .asText();
        assertThat(parse(content)).isEqualTo(parse(card));
    }

    @Test
    void userCardContentAlsoAppliesToHistory() throws Exception {
        String chatId = org.group();
        String card = card20("In history", true);
        org.sendToChat(chatId, "interactive", card);

        var reply = org.rawGet("/open-apis/im/v1/messages?container_id_type=chat&container_id=" + chatId
                + "&card_msg_content_type=user_card_content");

        String content = reply.path("data")
                .path("items")
                .path(0)
                .path("body")
                .path("content")
                .asText();
        assertThat(parse(content)).isEqualTo(parse(card));
    }

    @Test
    void sharedCardIsUpdatedInPlace() throws Exception {
        String messageId = sendCard(card20("Before", true));

        var resp = ok(patch(org.client, messageId, card20("After", true)));

        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(200);
        assertThat(readBack(messageId).path("title").asText()).isEqualTo("After");
    }

    @Test
    void onlyCardsCanBeUpdated() throws Exception {
        String messageId =
                org.sendToChat(group, "text", text("plain")).getData().getMessageId();

        assertInvalid(patch(org.client, messageId, card20("After", true)), "This message is NOT a card");
    }

    @Test
    void cardSentWithoutUpdateMultiCannotBeUpdated() throws Exception {
        String messageId = sendCard(card20("Before", false));

        assertFails(patch(org.client, messageId, card20("After", true)), 230001);
        assertThat(readBack(messageId).path("title").asText()).isEqualTo("Before");
    }

    @Test
    void sharedCardCannotBeReplacedByANonSharedOne() throws Exception {
        String messageId = sendCard(card20("Before", true));

        assertFails(patch(org.client, messageId, card20("After", false)), 230001);
        assertThat(readBack(messageId).path("title").asText()).isEqualTo("Before");
    }

    @Test
    void recalledCardCannotBeUpdated() throws Exception {
        String messageId = sendCard(card20("Before", true));
        ok(org.client
                .im()
                .message()
                .delete(DeleteMessageReq.newBuilder().messageId(messageId).build()));

        assertFails(patch(org.client, messageId, card20("After", true)), 230011);
    }

    @Test
    void onlyTheSenderMayUpdateACard() throws Exception {
        var other = org.bot("Other");
        String chatId = org.groupOwnedBy(org.person("Owner"), List.of(other));
        String messageId = org.sendToChat(chatId, "interactive", card20("Before", true))
                .getData()
                .getMessageId();

        var resp = patch(org.client(other), messageId, card20("After", true));

        assertInvalid(resp, "bot or user is not the message`s sender");
    }
}
