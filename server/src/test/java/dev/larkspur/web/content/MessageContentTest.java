package dev.larkspur.web.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.message.Mention;
import dev.larkspur.message.Message;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MessageContentTest {
    static final long ME = 7L;
    static final List<Mention> MENTIONS =
            List.of(new Mention("@_user_1", ME, null, "Alice"), new Mention("@_user_2", null, 3L, "Helper Bot"));
    static final ContentLookups LOOKUPS = new ContentLookups() {
        @Override
        public Optional<String> personName(String id) {
            return id.equals("ou_bob") ? Optional.of("Bob") : Optional.empty();
        }

        @Override
        public Optional<SharedChat> chat(String chatId) {
            return chatId.equals("oc_team")
                    ? Optional.of(new SharedChat("Team", "Where the team talks"))
                    : Optional.empty();
        }

        @Override
        public OptionalLong fileSize(String fileKey) {
            return fileKey.equals("file_v2_a") ? OptionalLong.of(1536) : OptionalLong.empty();
        }
    };
    static final ContentContext CTX =
            ContentContext.of("oc_1", "om_1").viewer(ME).lookups(LOOKUPS);

    @Test
    void textHighlightsMentionsOfTheViewerAndAll() {
        var view = ContentViews.of("text", "{\"text\":\"@_user_1 hi @_user_2 and @_all\\nline 2\"}", MENTIONS, CTX);

        assertThat(view.preview()).isEqualTo("@Alice hi @Helper Bot and @All line 2");
        var html = Rendering.render(view);
        assertThat(html.select(".lk-at").eachText()).containsExactly("@Alice", "@Helper Bot", "@All");
        assertThat(html.select(".lk-at-me").eachText()).containsExactly("@Alice");
        assertThat(html.select(".lk-at-all").eachText()).containsExactly("@All");
        assertThat(html.selectFirst(".lk-text").wholeText()).contains("\nline 2");
    }

    @Test
    void textLinksOpenSafeTargetsOnly() {
        var view = ContentViews.of(
                "text",
                "{\"text\":\"see [docs](https://open.feishu.cn/x) or https://example.com/a?b=1. not [x](ftp://h/f)\"}",
                List.of(),
                CTX);

        var links = Rendering.render(view).select("a.lk-link");
        assertThat(links.eachAttr("href")).containsExactly("https://open.feishu.cn/x", "https://example.com/a?b=1");
        assertThat(links.eachAttr("rel")).allMatch(rel -> rel.contains("noopener"));
        assertThat(Rendering.render(view).text()).contains("a?b=1. not x");
    }

    @Test
    void postKeepsStylesLinksMentionsImagesAndCode() {
        String post =
                """
                {"title":"Release","content":[
                 [{"tag":"text","text":"bold ","style":["bold","underline"]},
                  {"tag":"a","href":"https://feishu.cn","text":"link","style":["italic"]},
                  {"tag":"at","user_id":"@_user_1","user_name":""},
                  {"tag":"text","text":" gone","style":["lineThrough"]},
                  {"tag":"emotion","emoji_type":"THUMBSUP"}],
                 [{"tag":"img","image_key":"img_v3_x"}],
                 [{"tag":"media","file_key":"file_v2_m","image_key":"img_cover"}],
                 [{"tag":"hr"}],
                 [{"tag":"code_block","language":"GO","text":"func main() {}"}]]}""";

        var view = ContentViews.of("post", post, MENTIONS, CTX);

        assertThat(view.preview()).isEqualTo("Release");
        var html = Rendering.render(view);
        assertThat(html.selectFirst(".lk-post-title").text()).isEqualTo("Release");
        assertThat(html.selectFirst("span.lk-b.lk-u").text()).isEqualTo("bold");
        assertThat(html.selectFirst("a.lk-link.lk-i").attr("href")).isEqualTo("https://feishu.cn");
        assertThat(html.selectFirst(".lk-at-me").text()).isEqualTo("@Alice");
        assertThat(html.selectFirst("span.lk-s").text()).isEqualTo("gone");
        assertThat(html.selectFirst(".lk-emoji").text()).isEqualTo("👍");
        assertThat(html.selectFirst(".lk-post-img img").attr("src"))
                .isEqualTo("/chats/oc_1/messages/om_1/resources/img_v3_x?type=image");
        assertThat(html.selectFirst("video.lk-post-media").attr("poster")).endsWith("/img_cover?type=image");
        assertThat(html.select("hr.lk-hr")).hasSize(1);
        assertThat(html.selectFirst("pre.lk-code").attr("data-lang")).isEqualTo("go");
        assertThat(html.selectFirst("pre.lk-code code").text()).isEqualTo("func main() {}");
    }

    @Test
    void postInSendFormatReadsTheChineseLocaleFirst() {
        var view = ContentViews.of(
                "post",
                "{\"en_us\":{\"title\":\"Hi\",\"content\":[]},\"zh_cn\":{\"title\":\"你好\",\"content\":[[{\"tag\":\"md\","
                        + "\"text\":\"**bold**\\n- one\\n- two\"}]]}}",
                List.of(),
                CTX);

        assertThat(view.preview()).isEqualTo("你好");
        var html = Rendering.render(view);
        assertThat(html.selectFirst(".lk-md strong").text()).isEqualTo("bold");
        assertThat(html.select(".lk-md ul li").eachText()).containsExactly("one", "two");
    }

    @Test
    void imageShowsTheResourceWithAltText() {
        var view = ContentViews.of("image", "{\"image_key\":\"img_v3_1\"}", List.of(), CTX);

        assertThat(view.preview()).isEqualTo("[Image]");
        var img = Rendering.render(view).selectFirst("img");
        assertThat(img.attr("src")).isEqualTo("/chats/oc_1/messages/om_1/resources/img_v3_1?type=image");
        assertThat(img.attr("alt")).isEqualTo("Image");
    }

    @Test
    void fileShowsNameSizeAndDownload() {
        var view = ContentViews.of("file", "{\"file_key\":\"file_v2_a\",\"file_name\":\"a.pdf\"}", List.of(), CTX);

        assertThat(view.preview()).isEqualTo("[File] a.pdf");
        var html = Rendering.render(view);
        assertThat(html.selectFirst(".lk-file-name").text()).isEqualTo("a.pdf");
        assertThat(html.selectFirst(".lk-file-size").text()).isEqualTo("1.5 KB");
        assertThat(html.selectFirst("a.lk-file").attr("href"))
                .isEqualTo("/chats/oc_1/messages/om_1/resources/file_v2_a?type=file");
        assertThat(html.selectFirst("a.lk-file").hasAttr("download")).isTrue();
    }

    @Test
    void audioAndMediaShowTheirDurations() {
        var audio = ContentViews.of("audio", "{\"file_key\":\"file_o\",\"duration\":2000}", List.of(), CTX);
        var media = ContentViews.of(
                "media",
                "{\"file_key\":\"file_m\",\"image_key\":\"img_c\",\"file_name\":\"clip.mp4\",\"duration\":65000}",
                List.of(),
                CTX);

        assertThat(audio.preview()).isEqualTo("[Audio] 0:02");
        assertThat(Rendering.render(audio).selectFirst("audio").attr("src")).endsWith("/file_o?type=file");
        assertThat(media.preview()).isEqualTo("[Video] clip.mp4");
        var html = Rendering.render(media);
        assertThat(html.selectFirst("video").attr("poster")).endsWith("/img_c?type=image");
        assertThat(html.selectFirst(".lk-file-size").text()).isEqualTo("1:05");
    }

    @Test
    void stickerShowsAsAnImage() {
        var view = ContentViews.of("sticker", "{\"file_key\":\"file_s\"}", List.of(), CTX);

        assertThat(view.preview()).isEqualTo("[Sticker]");
        assertThat(Rendering.render(view).selectFirst("img.lk-sticker").attr("alt"))
                .isEqualTo("Sticker");
    }

    @Test
    void shareCardsNameTheChatAndThePerson() {
        var chat = ContentViews.of("share_chat", "{\"chat_id\":\"oc_team\"}", List.of(), CTX);
        var user = ContentViews.of("share_user", "{\"user_id\":\"ou_bob\"}", List.of(), CTX);
        var unknown = ContentViews.of("share_chat", "{\"chat_id\":\"oc_gone\"}", List.of(), CTX);

        assertThat(chat.preview()).isEqualTo("[Group card] Team");
        assertThat(Rendering.render(chat).selectFirst(".lk-share-desc").text()).isEqualTo("Where the team talks");
        assertThat(user.preview()).isEqualTo("[Contact card] Bob");
        assertThat(Rendering.render(user).selectFirst(".lk-share-foot").text()).isEqualTo("Contact card");
        assertThat(unknown.preview()).isEqualTo("[Group card] oc_gone");
    }

    @Test
    void systemMessagesFillTheirTemplate() {
        var invite = ContentViews.of(
                "system",
                "{\"template\":\"{from_user} invited {to_chatters} to this chat.\",\"from_user\":[\"Bot\"],"
                        + "\"to_chatters\":[\"Ann\",\"Ben\"]}",
                List.of(),
                CTX);
        var divider = ContentViews.of(
                "system",
                "{\"template\":\"{divider_text}\",\"from_user\":[],\"to_chatters\":[],"
                        + "\"divider_text\":{\"text\":\"New Session\"}}",
                List.of(),
                CTX);

        assertThat(invite.preview()).isEqualTo("Bot invited Ann, Ben to this chat.");
        assertThat(Rendering.render(divider).selectFirst(".lk-system-divider").text())
                .isEqualTo("New Session");
    }

    @Test
    void mergeForwardExpandsToItsMessages() {
        var child = ContentContext.of("oc_1", "om_child");
        var ctx = CTX.merged(List.of(
                new ContentContext.MergedMessage(
                        "Ann", "09:30", ContentViews.of("text", "{\"text\":\"first\"}", List.of(), child)),
                new ContentContext.MergedMessage(
                        "Ben", null, ContentViews.of("image", "{\"image_key\":\"img_k\"}", List.of(), child))));

        var view = ContentViews.of("merge_forward", "{\"content\":\"Merged and Forwarded Message\"}", List.of(), ctx);

        assertThat(view.preview()).isEqualTo("[Chat history]");
        var html = Rendering.render(view);
        assertThat(html.selectFirst("details.lk-merge summary").text()).contains("2 messages");
        assertThat(html.select(".lk-merge-sender").eachText()).containsExactly("Ann 09:30", "Ben");
        assertThat(html.selectFirst(".lk-merge-item .lk-text").text()).isEqualTo("first");
        assertThat(html.selectFirst(".lk-merge-item img").attr("src")).contains("/om_child/resources/img_k");
    }

    @Test
    void unreadableAndUnknownContentShowsANote() {
        assertThat(ContentViews.of("text", "not json", List.of(), CTX).preview())
                .isEqualTo("[Unreadable message]");
        assertThat(ContentViews.of("location", "{\"name\":\"Office\"}", List.of(), CTX)
                        .preview())
                .isEqualTo("[Location] Office");
        assertThat(Rendering.render(ContentViews.of("weird", "{}", List.of(), CTX))
                        .text())
                .isEqualTo("[Unsupported message: weird]");
    }

    @Test
    void storedMessagesShowRecalledAndCardsAsSent() {
        var card = message("interactive", "{\"title\":\"simplified\",\"elements\":[]}", false)
                .withRaw("{\"header\":{\"template\":\"red\",\"title\":{\"content\":\"as sent\"}},\"elements\":[]}");
        var recalled = message("text", "{\"text\":\"secret\"}", true);

        assertThat(ContentViews.of(card.message(), CTX).preview()).isEqualTo("as sent");
        assertThat(ContentViews.of(recalled.message(), CTX)).isInstanceOf(ContentView.Recalled.class);
        assertThat(ContentViews.of(
                                message("text", "{\"text\":\"@_user_1\"}", false)
                                        .message(),
                                CTX)
                        .preview())
                .isEqualTo("@Alice");
    }

    record Stored(Message message) {
        Stored withRaw(String raw) {
            var m = message;
            return new Stored(new Message(
                    m.pk(),
                    m.messageId(),
                    m.chatPk(),
                    m.chatId(),
                    m.chatMode(),
                    m.tenantPk(),
                    m.rootId(),
                    m.parentId(),
                    m.threadId(),
                    m.upperMessageId(),
                    m.senderUserPk(),
                    m.senderAppPk(),
                    m.msgType(),
                    m.content(),
                    raw,
                    m.mentions(),
                    m.deleted(),
                    m.updated(),
                    m.editCount(),
                    m.createdAt(),
                    m.updatedAt()));
        }
    }

    static Stored message(String type, String content, boolean deleted) {
        return new Stored(new Message(
                1L, "om_1", 2L, "oc_1", "group", 3L, null, null, null, null, 7L, null, type, content, null, MENTIONS,
                deleted, false, 0, 0L, 0L));
    }

    @Test
    void recalledShowsAsRecalled() {
        assertThat(Rendering.render(new ContentView.Recalled()).text()).isEqualTo("This message was recalled");
    }
}
