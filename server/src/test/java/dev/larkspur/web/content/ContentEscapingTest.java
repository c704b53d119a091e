package dev.larkspur.web.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.message.Mention;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Whatever a sender writes reaches the page as text: no elements, handlers or script links of theirs. */
class ContentEscapingTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String JSON_SCRIPT = "<script>alert(1)<\\/script>";
    static final ContentContext CTX = ContentContext.of("oc_1", "om_1")
            .viewer(1L)
            .lookups(new ContentLookups() {
                @Override
                public Optional<String> personName(String id) {
                    return Optional.of("<img src=x onerror=alert(2)>");
                }

                @Override
                public Optional<SharedChat> chat(String chatId) {
                    return Optional.of(new SharedChat(SCRIPT, "<b onclick=alert(3)>x</b>"));
                }
            })
            .cardTarget("/chats/oc_1/messages/om_1/card-actions", "tok");

    @Test
    void textWithAScriptTagShowsAsText() {
        var html = Rendering.render(
                ContentViews.of("text", "{\"text\":\"" + JSON_SCRIPT + " [x](javascript:alert(1))\"}", List.of(), CTX));

        assertInert(html);
        assertThat(html.text()).contains(SCRIPT);
        assertThat(html.select("a")).isEmpty();
    }

    @Test
    void mentionNamesAreText() {
        var mentions = List.of(new Mention("@_user_1", 2L, null, SCRIPT));

        var html = Rendering.render(ContentViews.of("text", "{\"text\":\"@_user_1\"}", mentions, CTX));

        assertInert(html);
        assertThat(html.selectFirst(".lk-at").text()).isEqualTo("@" + SCRIPT);
    }

    @Test
    void postTitleTextLinksAndCodeAreText() {
        String post = "{\"title\":\"" + JSON_SCRIPT + "\",\"content\":[[{\"tag\":\"text\",\"text\":\"" + JSON_SCRIPT
                + "\"},{\"tag\":\"a\",\"href\":\"javascript:alert(1)\",\"text\":\"click\"},"
                + "{\"tag\":\"a\",\"href\":\" JaVaScRiPt:alert(1)\",\"text\":\"again\"},"
                + "{\"tag\":\"a\",\"href\":\"data:text/html,<script>alert(1)<\\/script>\",\"text\":\"data\"},"
                + "{\"tag\":\"emotion\",\"emoji_type\":\"" + JSON_SCRIPT + "\"}],"
                + "[{\"tag\":\"code_block\",\"language\":\"\\\" onclick=\\\"x\",\"text\":\"" + JSON_SCRIPT + "\"}],"
                + "[{\"tag\":\"md\",\"text\":\"" + JSON_SCRIPT + " [m](javascript:alert(1)) <a href=x>y</a>\"}],"
                + "[{\"tag\":\"img\",\"image_key\":\"\\\"><script>alert(1)<\\/script>\"}]]}";

        var html = Rendering.render(ContentViews.of("post", post, List.of(), CTX));

        assertInert(html);
        assertThat(html.selectFirst(".lk-post-title").text()).isEqualTo(SCRIPT);
        assertThat(html.select("a.lk-link")).isEmpty();
        assertThat(html.text()).contains("click", "again", "data");
        assertThat(html.selectFirst("pre.lk-code code").text()).isEqualTo(SCRIPT);
        assertThat(html.selectFirst(".lk-md").text()).contains(SCRIPT, "<a href=x>y</a>");
        assertThat(html.selectFirst(".lk-post-img img").attr("src"))
                .startsWith("/chats/oc_1/messages/om_1/resources/%22%3E%3Cscript%3E");
    }

    @Test
    void cardMarkdownHeaderButtonsAndUrlsAreInert() {
        String card =
                """
                {"header":{"template":"red","title":{"tag":"plain_text","content":"%1$s"},
                           "subtitle":{"tag":"lark_md","content":"%1$s"}},
                 "elements":[
                  {"tag":"div","text":{"tag":"lark_md","content":"%1$s **<img src=x onerror=alert(1)>** [a](javascript:alert(1)) <at id=\\"x\\" onmouseover=\\"1\\"></at> <font color='red\\" onclick=\\"1'>f</font> `<b>`"}},
                  {"tag":"markdown","content":"%1$s\\n- <svg onload=alert(1)>\\n```\\n%1$s\\n```"},
                  {"tag":"note","elements":[{"tag":"plain_text","content":"%1$s"}]},
                  {"tag":"img","img_key":"k","alt":{"tag":"plain_text","content":"\\" onerror=\\"alert(1)"}},
                  {"tag":"action","actions":[
                   {"tag":"button","text":{"tag":"plain_text","content":"%1$s"},"value":{"v":"\\"><script>alert(1)</script>"}},
                   {"tag":"button","text":{"tag":"plain_text","content":"go"},"url":"javascript:alert(1)"},
                   {"tag":"button","text":{"tag":"plain_text","content":"go2"},"multi_url":{"url":"java\\tscript:alert(1)"}},
                   {"tag":"select_static","placeholder":{"tag":"plain_text","content":"%1$s"},
                    "options":[{"text":{"tag":"plain_text","content":"%1$s"},"value":"\\"><script>"}]},
                   {"tag":"overflow","options":[{"text":{"tag":"plain_text","content":"%1$s"},"value":"v",
                    "url":"javascript:alert(1)"}]}]},
                  {"tag":"%1$s"}]}"""
                        .formatted(JSON_SCRIPT);

        var html = Rendering.render(ContentViews.of("interactive", card, List.of(), CTX));

        assertInert(html);
        assertThat(html.selectFirst(".lk-card-title").text()).isEqualTo(SCRIPT);
        assertThat(html.selectFirst(".lk-card-div .lk-md").text()).contains(SCRIPT, "<img src=x onerror=alert(1)>");
        assertThat(html.select(".lk-md svg, .lk-md img, .lk-md font")).isEmpty();
        assertThat(html.select("a")).allMatch(a -> a.attr("href").startsWith("https://"));
        assertThat(html.selectFirst("button.lk-btn").text()).isEqualTo(SCRIPT);
        assertThat(html.selectFirst("input[name=value]").val()).isEqualTo("{\"v\":\"\\\"><script>alert(1)</script>\"}");
        assertThat(html.text()).contains("go", "go2");
        assertThat(html.selectFirst(".lk-card-unsupported").text()).contains(SCRIPT);
    }

    @Test
    void lookedUpNamesAreText() {
        var user = Rendering.render(ContentViews.of("share_user", "{\"user_id\":\"ou_x\"}", List.of(), CTX));
        var chat = Rendering.render(ContentViews.of("share_chat", "{\"chat_id\":\"oc_x\"}", List.of(), CTX));
        var card = Rendering.render(ContentViews.of(
                "interactive",
                "{\"elements\":[{\"tag\":\"markdown\",\"content\":\"<at id=ou_x></at>\"}]}",
                List.of(),
                CTX));

        assertInert(user);
        assertInert(chat);
        assertInert(card);
        assertThat(chat.selectFirst(".lk-share-name").text()).isEqualTo(SCRIPT);
        assertThat(card.selectFirst(".lk-at").text()).isEqualTo("@<img src=x onerror=alert(2)>");
    }

    @Test
    void fileNamesAndSystemTextAreText() {
        var file = Rendering.render(
                ContentViews.of("file", "{\"file_key\":\"f\",\"file_name\":\"" + JSON_SCRIPT + "\"}", List.of(), CTX));
        var system = Rendering.render(ContentViews.of(
                "system",
                "{\"template\":\"{from_user} joined\",\"from_user\":[\"" + JSON_SCRIPT + "\"]}",
                List.of(),
                CTX));

        assertInert(file);
        assertInert(system);
        assertThat(file.selectFirst(".lk-file-name").text()).isEqualTo(SCRIPT);
        assertThat(system.text()).isEqualTo(SCRIPT + " joined");
    }

    /**
     * No element or handler a sender could have introduced, and no script-bearing URL. The file
     * icon is the template's own drawing, the one svg allowed.
     */
    static void assertInert(Element html) {
        assertThat(html.select("script, iframe, object, embed, svg:not(.lk-file-icon), style, font, base, meta, link"))
                .as("foreign elements in %s", html.outerHtml())
                .isEmpty();
        for (Element e : html.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute in %s", e.outerHtml()).doesNotStartWith("on");
                if (List.of("href", "src", "action", "poster").contains(a.getKey())) {
                    String value = a.getValue().strip().toLowerCase(Locale.ROOT);
                    assertThat(value).doesNotContain("javascript:").doesNotStartWith("data:");
                }
            }
        }
    }
}
