package dev.larkspur.chat;

import static dev.larkspur.chat.TabCalls.doc;
import static dev.larkspur.chat.TabCalls.ids;
import static dev.larkspur.chat.TabCalls.url;
import static dev.larkspur.chat.TabCalls.withId;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.service.im.v1.model.ChatTab;
import com.lark.oapi.service.im.v1.model.ChatTabContent;
import dev.larkspur.support.TestServer;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of chat tab content (spec/group.md §2.17), one test each, through the official SDK. */
class ChatTabsRulesIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void assertRejected(BaseResponse<?> resp, int code) {
        assertThat(resp.getCode()).as(resp.getMsg()).isEqualTo(code);
        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(400);
        assertThat(resp.getData()).isNull();
    }

    private static ChatTab typed(String type) {
        return ChatTab.newBuilder()
                .tabName("Pins")
                .tabType(type)
                .tabContent(
                        ChatTabContent.newBuilder().url("https://example.com").build())
                .build();
    }

    @Test
    void onlyDocAndUrlTabsCanBeCreated() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();

        for (String type : new String[] {"pin", "message", "meeting_minute", "task"}) {
            assertRejected(TabCalls.create(t.client(), chatId, typed(type)), 232049);
        }
        assertRejected(TabCalls.create(t.client(), chatId, typed(null)), 232001);
        assertThat(TabCalls.list(t.client(), chatId).getData().getChatTabs()).hasSize(1);
    }

    @Test
    void theMessageTabCanBeNeitherUpdatedNorDeleted() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        String message =
                TabCalls.list(t.client(), chatId).getData().getChatTabs()[0].getTabId();

        assertRejected(
                TabCalls.update(t.client(), chatId, withId(url("Mine", "https://example.com"), message)), 232049);
        assertRejected(TabCalls.delete(t.client(), chatId, message), 232049);
        var tabs = TabCalls.list(t.client(), chatId).getData().getChatTabs();
        assertThat(tabs).extracting(ChatTab::getTabType).containsExactly("message");
    }

    @Test
    void linksMustBeHttpOrHttpsUrls() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();

        assertRejected(TabCalls.create(t.client(), chatId, url("Ftp", "ftp://example.com")), 232048);
        assertRejected(TabCalls.create(t.client(), chatId, doc("Doc", "docs.example.com/x")), 232048);
        assertThat(TabCalls.create(t.client(), chatId, url("Plain", "HTTP://example.com"))
                        .getCode())
                .isZero();
    }

    @Test
    void aTabNeedsTheLinkOfItsType() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();

        assertRejected(TabCalls.create(t.client(), chatId, url("Empty", "")), 232048);
        assertRejected(TabCalls.create(t.client(), chatId, url("None", null)), 232048);
        assertRejected(TabCalls.create(t.client(), chatId, doc("Wrong field", null)), 232048);
        var created = TabCalls.create(t.client(), chatId, doc("Spec", "https://docs.example.com/spec"));
        String docId = created.getData().getChatTabs()[1].getTabId();
        var urlWithoutUrl = ChatTab.newBuilder().tabId(docId).tabType("url").build();
        assertRejected(TabCalls.update(t.client(), chatId, urlWithoutUrl), 232048);
    }

    @Test
    void tabNamesHaveAtMostSixtyCharacters() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        String sixty = "标签".repeat(30);

        assertRejected(TabCalls.create(t.client(), chatId, url(sixty + "x", "https://example.com")), 232047);
        var created = TabCalls.create(t.client(), chatId, url(sixty, "https://example.com"));
        assertThat(created.getCode()).as(created.getMsg()).isZero();
        String id = created.getData().getChatTabs()[1].getTabId();
        assertRejected(TabCalls.update(t.client(), chatId, withId(url(sixty + "!", null), id)), 232047);
    }

    @Test
    void aChatHasAtMostTwentyCustomTabs() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var twentyOne = IntStream.rangeClosed(1, 21)
                .mapToObj(i -> url("T" + i, "https://example.com/" + i))
                .toArray(ChatTab[]::new);

        assertRejected(TabCalls.create(t.client(), chatId, twentyOne), 232046);
        var twenty = TabCalls.create(t.client(), chatId, Arrays.copyOf(twentyOne, 20));
        assertThat(twenty.getData().getChatTabs()).hasSize(21);
        assertRejected(TabCalls.create(t.client(), chatId, url("One more", "https://example.com")), 232046);
    }

    @Test
    void aFailedCreateAddsNoTabAtAll() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();

        var resp = TabCalls.create(
                t.client(), chatId, url("Good", "https://example.com"), url("Bad", "mailto:someone@example.com"));

        assertRejected(resp, 232048);
        assertThat(TabCalls.list(t.client(), chatId).getData().getChatTabs()).hasSize(1);
    }

    @Test
    void sortMustNameEveryTabOfTheChatOnce() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var tabs = TabCalls.create(
                        t.client(), chatId, url("A", "https://a.example.com"), url("B", "https://b.example.com"))
                .getData()
                .getChatTabs();
        String m = tabs[0].getTabId();
        String a = tabs[1].getTabId();
        String b = tabs[2].getTabId();

        assertRejected(TabCalls.sort(t.client(), chatId, b, a), 232001);
        assertRejected(TabCalls.sort(t.client(), chatId, m, b), 232001);
        assertRejected(TabCalls.sort(t.client(), chatId, m, b, a, a), 232001);
        assertRejected(TabCalls.sort(t.client(), chatId, m, b, a, "7000000000000000000"), 232001);
        assertThat(ids(TabCalls.list(t.client(), chatId).getData().getChatTabs()))
                .containsExactly(m, a, b);
    }

    @Test
    void updateAndDeleteNameTabsOfThisChat() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        String otherChat = t.chat();
        String foreign = TabCalls.create(t.client(), otherChat, url("Elsewhere", "https://example.com"))
                .getData()
                .getChatTabs()[1]
                .getTabId();

        assertRejected(TabCalls.update(t.client(), chatId, withId(url("X", "https://x.example.com"), foreign)), 232001);
        assertRejected(TabCalls.update(t.client(), chatId, url("No id", "https://x.example.com")), 232001);
        assertRejected(TabCalls.delete(t.client(), chatId, foreign), 232001);
        assertRejected(TabCalls.delete(t.client(), chatId), 232001);
        assertThat(TabCalls.list(t.client(), otherChat).getData().getChatTabs()).hasSize(2);
    }
}
