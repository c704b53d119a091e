package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.message.MessageFixtures.json;
import static dev.larkspur.message.MessageFixtures.parse;
import static dev.larkspur.message.MessageFixtures.text;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Person;
import dev.larkspur.support.TestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * System messages (spec/message.md §4.1): only dividers, only in the p2p chat of a bot and a person,
 * only with a tenant token, and the divider's text rules.
 */
class MessageSystemIT {
    private static TestServer server;
    private static MessageFixtures.Org org;
    private static Person ann;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        org = new MessageFixtures(server).org();
        ann = org.person("Ann");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A divider with this text and these translations (none when {@code i18n} is null). */
    private static String divider(String text, Map<String, String> i18n) {
        var dividerText = new LinkedHashMap<String, Object>();
        dividerText.put("text", text);
        if (i18n != null) {
            dividerText.put("i18n_text", i18n);
        }
        return json(Map.of("type", "divider", "params", Map.of("divider_text", dividerText)));
    }

    private static com.lark.oapi.service.im.v1.model.CreateMessageResp toAnn(String content) throws Exception {
        return org.send("open_id", ann.openId(), "system", content);
    }

    @Test
    void dividerInAP2pChatIsReadAsTheDividerTemplate() throws Exception {
        var m = ok(toAnn(divider("New session", Map.of("zh_CN", "新会话", "en_US", "New session"))))
                .getData();

        var content = parse(m.getBody().getContent());
        assertThat(m.getMsgType()).isEqualTo("system");
        assertThat(content.path("template").asText()).isEqualTo("{divider_text}");
        assertThat(content.path("from_user").isArray()).isTrue();
        assertThat(content.path("to_chatters").isArray()).isTrue();
        assertThat(content.path("divider_text").path("text").asText()).isEqualTo("New session");
        assertThat(content.path("divider_text").path("i18n_text").path("zh_cn").asText())
                .isEqualTo("新会话");
        assertThat(content.path("divider_text").path("i18n_text").path("en_us").asText())
                .isEqualTo("New session");
    }

    @Test
    void systemMessageInAGroupIsRejected() throws Exception {
        var resp = org.send("chat_id", org.group(ann), "system", divider("New session", null));

        assertInvalid(resp, "sending system messages in group chats is not supported");
    }

    @Test
    void systemMessageAsAUserIsRejected() throws Exception {
        String p2p = ok(org.send("open_id", ann.openId(), "text", text("hi")))
                .getData()
                .getChatId();

        var resp = org.send(org.client, "chat_id", p2p, "system", divider("New session", null), org.as(ann));

        assertInvalid(resp, "sending system messages as a user is not supported");
    }

    @Test
    void onlyDividersAreSystemMessages() throws Exception {
        var resp = toAnn(json(Map.of("type", "banner", "params", Map.of("divider_text", Map.of("text", "x")))));

        assertInvalid(resp, "invalid system message type");
    }

    @Test
    void dividerNeedsDividerText() throws Exception {
        assertInvalid(toAnn(json(Map.of("type", "divider", "params", Map.of()))), "divider_text must be set");
    }

    @Test
    void dividerTextCannotBeEmpty() throws Exception {
        assertInvalid(toAnn(divider("", null)), "divider message text cannot be empty");
    }

    @Test
    void dividerTextMayHaveTwentyCharacters() throws Exception {
        ok(toAnn(divider("a".repeat(20), null)));
    }

    @Test
    void dividerTextOverTwentyCharactersIsTooLong() throws Exception {
        assertInvalid(toAnn(divider("a".repeat(21), null)), "divider message text exceeds the specified length");
    }

    @Test
    void dividerTextOverTenCjkCharactersIsTooLong() throws Exception {
        assertInvalid(toAnn(divider("新".repeat(11), null)), "divider message text exceeds the specified length");
    }

    @Test
    void dividerTranslationLanguagesAreCaseSensitive() throws Exception {
        var resp = toAnn(divider("New session", Map.of("zh_cn", "新会话")));

        assertInvalid(resp, "divider message i18n_text contains illegal language types");
    }

    @Test
    void dividerTranslationCannotBeEmpty() throws Exception {
        var resp = toAnn(divider("New session", Map.of("en_US", "")));

        assertInvalid(resp, "divider message i18n_text contains empty text");
    }

    @Test
    void dividerTranslationOverTheLengthIsTooLong() throws Exception {
        var resp = toAnn(divider("New session", Map.of("ja_JP", "新".repeat(11))));

        assertInvalid(resp, "divider message text in i18n_text exceeds the specified length");
    }

    @Test
    void everyDocumentedTranslationLanguageIsAccepted() throws Exception {
        var i18n = new LinkedHashMap<String, String>();
        for (String language : List.of(
                "en_US", "zh_CN", "zh_HK", "zh_TW", "ja_JP", "id_ID", "vi_VN", "th_TH", "pt_BR", "es_ES", "ko_KR",
                "de_DE", "fr_FR", "it_IT", "ru_RU", "ms_MY")) {
            i18n.put(language, "Divider");
        }

        ok(toAnn(divider("Divider", i18n)));
    }
}
