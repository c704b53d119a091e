package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.message.MessageFixtures.json;
import static dev.larkspur.message.MessageFixtures.parse;
import static dev.larkspur.message.MessageFixtures.text;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.Mention;
import dev.larkspur.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Content per {@code msg_type} (spec/message.md §4): what each type requires, with Feishu's 230001
 * details, the size limits, and the receive format readers get back.
 */
class MessageContentIT {
    private static TestServer server;
    private static MessageFixtures fixtures;
    private static MessageFixtures.Org org;
    private static String group;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        fixtures = new MessageFixtures(server);
        org = fixtures.org();
        group = org.group();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static com.lark.oapi.service.im.v1.model.CreateMessageResp send(String msgType, String content)
            throws Exception {
        return org.send("chat_id", group, msgType, content);
    }

    /** The receive-format content of a message the main bot sends to its group. */
    private static tools.jackson.databind.JsonNode received(String msgType, String content) throws Exception {
        return parse(ok(send(msgType, content)).getData().getBody().getContent());
    }

    private static String post(List<List<Map<String, Object>>> paragraphs) {
        return json(Map.of("zh_cn", Map.of("title", "Title", "content", paragraphs)));
    }

    @Test
    void contentThatIsNotJsonIsRejected() throws Exception {
        assertInvalid(send("text", "hello"), "content is not a string in json format");
    }

    @Test
    void emptyContentIsRejected() throws Exception {
        assertInvalid(send("text", ""), "content cannot be empty");
    }

    @Test
    void unknownMsgTypeIsRejected() throws Exception {
        assertInvalid(send("telegram", text("hi")), "invalid msg_type");
    }

    @Test
    void textWithoutTextIsRejected() throws Exception {
        assertInvalid(send("text", json(Map.of("body", "hi"))), "content format of the text type is incorrect");
    }

    @Test
    void textDropsStyleTagsAndKeepsLinks() throws Exception {
        var content = received("text", text("<b>bold</b> <i>it</i> [docs](https://example.com)"));

        assertThat(content.path("text").asText()).isEqualTo("bold it [docs](https://example.com)");
    }

    @Test
    void textMayBeUpTo150KilobytesWhichIsFarBeyondThePostLimit() throws Exception {
        ok(send("text", text("a".repeat(100 * 1024))));
    }

    @Test
    void textOver150KilobytesIsTooLong() throws Exception {
        assertFails(send("text", text("a".repeat(150 * 1024 + 1))), 230025);
    }

    @Test
    void postIsReadWithoutItsLocaleWrapper() throws Exception {
        var content = received(
                "post",
                post(List.of(
                        List.of(Map.of("tag", "text", "text", "first", "style", List.of("bold"))),
                        List.of(Map.of("tag", "a", "text", "link", "href", "https://example.com")),
                        List.of(Map.of("tag", "hr")),
                        List.of(Map.of("tag", "emotion", "emoji_type", "SMILE")))));

        assertThat(content.has("zh_cn")).isFalse();
        assertThat(content.path("title").asText()).isEqualTo("Title");
        var lines = content.path("content");
        assertThat(lines.size()).isEqualTo(4);
        assertThat(lines.path(0).path(0).path("text").asText()).isEqualTo("first");
        assertThat(lines.path(0).path(0).path("style").path(0).asText()).isEqualTo("bold");
        assertThat(lines.path(1).path(0).path("href").asText()).isEqualTo("https://example.com");
        assertThat(lines.path(2).path(0).path("tag").asText()).isEqualTo("hr");
        assertThat(lines.path(3).path(0).path("emoji_type").asText()).isEqualTo("SMILE");
    }

    @Test
    void postMentionBecomesAPlaceholderListedInMentions() throws Exception {
        var ann = org.person("Ann");

        var m = ok(send("post", post(List.of(List.of(Map.of("tag", "at", "user_id", ann.openId()))))))
                .getData();

        var at = parse(m.getBody().getContent()).path("content").path(0).path(0);
        assertThat(at.path("user_id").asText()).isEqualTo("@_user_1");
        assertThat(m.getMentions()).extracting(Mention::getKey).containsExactly("@_user_1");
        assertThat(m.getMentions()).extracting(Mention::getId).containsExactly(ann.openId());
    }

    @Test
    void postMarkdownIsReadAsOtherTags() throws Exception {
        var content = received("post", post(List.of(List.of(Map.of("tag", "md", "text", "**bold**")))));

        assertThat(content.path("content").path(0).path(0).path("tag").asText()).isNotEqualTo("md");
    }

    @Test
    void postWithUnknownTagIsRejected() throws Exception {
        var resp = send("post", post(List.of(List.of(Map.of("tag", "marquee", "text", "hi")))));

        assertInvalid(resp, "message_content has wrong tag");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"tag\":\"text\"}|message_content_text_tag's text field can't be nil",
                "{\"tag\":\"a\",\"text\":\"t\"}|message_content_a_tag's href field can't be nil",
                "{\"tag\":\"a\",\"href\":\"https://example.com\"}|message_content_a_tag's text field can't be nil",
                "{\"tag\":\"at\"}|message_content_at_tag's user_id field can't be nil",
                "{\"tag\":\"img\"}|message_content_img_tag's image_key field can't be nil",
                "{\"tag\":\"media\"}|message_content_media_tag's file_key field can't be nil",
                "{\"tag\":\"emotion\"}|message_content_emotion_tag's emoji_type field can't be nil",
                "{\"tag\":\"md\"}|message_content_md_tag's text field can't be nil"
            })
    void postElementWithoutItsRequiredFieldIsRejected(String element, String detail) throws Exception {
        String content = "{\"zh_cn\":{\"title\":\"t\",\"content\":[[" + element + "]]}}";

        assertInvalid(send("post", content), detail);
    }

    @Test
    void postWithoutALocaleIsRejected() throws Exception {
        assertInvalid(send("post", "{}"), "content format of the post type is incorrect");
    }

    @Test
    void postOver30KilobytesIsTooLong() throws Exception {
        var resp = send("post", post(List.of(List.of(Map.of("tag", "text", "text", "a".repeat(30 * 1024))))));

        assertFails(resp, 230025);
    }

    @Test
    void imageWithoutImageKeyIsRejected() throws Exception {
        assertInvalid(
                send("image", json(Map.of("file_key", "file_x"))), "content format of the image type is incorrect");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "audio", "sticker", "media"})
    void fileLikeMessageWithoutFileKeyIsRejected(String msgType) throws Exception {
        var resp = send(msgType, json(Map.of("image_key", "img_x")));

        assertInvalid(resp, "content format of the " + msgType + " type is incorrect");
    }

    @Test
    void shareChatOfAGroupIsReadAsItsChatId() throws Exception {
        String other = org.group();

        var content = received("share_chat", json(Map.of("chat_id", other)));

        assertThat(content.path("chat_id").asText()).isEqualTo(other);
    }

    @Test
    void shareChatWithoutChatIdIsRejected() throws Exception {
        assertInvalid(
                send("share_chat", json(Map.of("id", group))), "content format of the share_chat type is incorrect");
    }

    @Test
    void p2pChatCannotBeShared() throws Exception {
        var ann = org.person("Ann");
        String p2p = ok(org.send("open_id", ann.openId(), "text", text("hi")))
                .getData()
                .getChatId();

        assertFails(send("share_chat", json(Map.of("chat_id", p2p))), 230015);
    }

    @Test
    void shareUserIsReadAsTheOpenId() throws Exception {
        var ann = org.person("Ann");

        var content = received("share_user", json(Map.of("user_id", ann.openId())));

        assertThat(content.path("user_id").asText()).isEqualTo(ann.openId());
    }

    @Test
    void shareUserOfAnUnknownPersonIsRejected() throws Exception {
        var resp = send("share_user", json(Map.of("user_id", "ou_00000000000000000000000000000000")));

        assertInvalid(resp, "invalid user_id");
    }
}
