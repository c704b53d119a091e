package dev.larkspur.chat;

import static dev.larkspur.chat.TabCalls.doc;
import static dev.larkspur.chat.TabCalls.ids;
import static dev.larkspur.chat.TabCalls.names;
import static dev.larkspur.chat.TabCalls.url;
import static dev.larkspur.chat.TabCalls.withConfig;
import static dev.larkspur.chat.TabCalls.withId;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.ChatTab;
import com.lark.oapi.service.im.v1.model.ChatTabContent;
import dev.larkspur.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chat tabs through the official Java SDK (spec/group.md §2.17): the built-in message tab, and
 * custom doc and url tabs created, listed, updated, sorted and deleted. Every answer carries all
 * the tabs of the chat.
 */
class ChatTabsIT {
    private static final String NINETEEN_DIGITS = "\\d{19}";
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

    @Test
    void everyChatHasTheMessageTabWithAStableId() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");

        var first = TabCalls.list(t.client(), chatId);
        var again = TabCalls.list(t.client(), chatId);

        assertThat(first.getCode()).as(first.getMsg()).isZero();
        var tabs = first.getData().getChatTabs();
        assertThat(tabs).hasSize(1);
        assertThat(tabs[0].getTabType()).isEqualTo("message");
        assertThat(tabs[0].getTabId()).matches(NINETEEN_DIGITS);
        assertThat(ids(again.getData().getChatTabs())).containsExactly(tabs[0].getTabId());
        var json = ChatTenant.body(first);
        assertThat(json.path("data"))
                .isEqualTo(ChatTenant.JSON.readTree(
                        "{\"chat_tabs\":[{\"tab_id\":\"" + tabs[0].getTabId() + "\",\"tab_type\":\"message\"}]}"));
    }

    @Test
    void createdTabsFollowTheMessageTabInTheExactShapeFeishuReturns() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");

        var resp = TabCalls.create(
                t.client(),
                chatId,
                doc("Spec", "https://docs.example.com/spec"),
                withConfig(url("Site", "https://example.com"), "img_v2_icon", true));

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        assertThat(resp.getRawResponse().getStatusCode()).isEqualTo(200);
        var tabs = resp.getData().getChatTabs();
        assertThat(tabs).extracting(ChatTab::getTabType).containsExactly("message", "doc", "url");
        assertThat(ids(tabs)).allMatch(id -> id.matches(NINETEEN_DIGITS)).doesNotHaveDuplicates();
        String expected =
                """
                {"code":0,"msg":"success","data":{"chat_tabs":[
                 {"tab_id":"%s","tab_type":"message"},
                 {"tab_id":"%s","tab_name":"Spec","tab_type":"doc","tab_content":{"doc":"https://docs.example.com/spec"}},
                 {"tab_id":"%s","tab_name":"Site","tab_type":"url","tab_content":{"url":"https://example.com"},
                  "tab_config":{"icon_key":"img_v2_icon","is_built_in":true}}]}}
                """
                        .formatted(tabs[0].getTabId(), tabs[1].getTabId(), tabs[2].getTabId());
        assertThat(ChatTenant.body(resp)).isEqualTo(ChatTenant.JSON.readTree(expected));
        assertThat(ids(TabCalls.list(t.client(), chatId).getData().getChatTabs()))
                .containsExactlyElementsOf(ids(tabs));
    }

    @Test
    void keepsOnlyTheLinkOfTheTabsTypeAndConfigOnlyOnUrlTabs() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var both = ChatTabContent.newBuilder()
                .url("https://example.com/u")
                .doc("https://example.com/d")
                .build();
        var docTab = withConfig(doc("Doc", null), "img_v2_icon", false);
        docTab.setTabContent(both);
        var urlTab = url("Url", null);
        urlTab.setTabContent(both);

        var tabs = TabCalls.create(t.client(), chatId, docTab, urlTab).getData().getChatTabs();

        assertThat(tabs[1].getTabContent().getDoc()).isEqualTo("https://example.com/d");
        assertThat(tabs[1].getTabContent().getUrl()).isNull();
        assertThat(tabs[1].getTabConfig()).isNull();
        assertThat(tabs[2].getTabContent().getUrl()).isEqualTo("https://example.com/u");
        assertThat(tabs[2].getTabContent().getDoc()).isNull();
    }

    @Test
    void updateChangesTheGivenFieldsAndKeepsTheOthers() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var created = TabCalls.create(
                        t.client(),
                        chatId,
                        doc("Spec", "https://docs.example.com/spec"),
                        withConfig(url("Site", "https://example.com"), "img_v2_icon", true))
                .getData()
                .getChatTabs();
        var renamed = ChatTab.newBuilder()
                .tabId(created[1].getTabId())
                .tabType("doc")
                .tabName("Spec v2")
                .build();
        var moved = ChatTab.newBuilder()
                .tabId(created[2].getTabId())
                .tabType("url")
                .tabContent(
                        ChatTabContent.newBuilder().url("https://example.org").build())
                .build();

        var resp = TabCalls.update(t.client(), chatId, renamed, moved);

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        var tabs = resp.getData().getChatTabs();
        assertThat(ids(tabs)).containsExactlyElementsOf(ids(created));
        assertThat(names(tabs)).containsExactly(null, "Spec v2", "Site");
        assertThat(tabs[1].getTabContent().getDoc()).isEqualTo("https://docs.example.com/spec");
        assertThat(tabs[2].getTabContent().getUrl()).isEqualTo("https://example.org");
        assertThat(tabs[2].getTabConfig().getIconKey()).isEqualTo("img_v2_icon");
        assertThat(tabs[2].getTabConfig().getIsBuiltIn()).isTrue();
    }

    @Test
    void updateTurnsADocTabIntoAUrlTabGivenItsUrl() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var created = TabCalls.create(t.client(), chatId, doc("Spec", "https://docs.example.com/spec"))
                .getData()
                .getChatTabs();

        var tabs = TabCalls.update(t.client(), chatId, withId(url(null, "https://example.com"), created[1].getTabId()))
                .getData()
                .getChatTabs();

        assertThat(tabs[1].getTabType()).isEqualTo("url");
        assertThat(tabs[1].getTabName()).isEqualTo("Spec");
        assertThat(tabs[1].getTabContent().getUrl()).isEqualTo("https://example.com");
        assertThat(tabs[1].getTabContent().getDoc()).isNull();
    }

    @Test
    void sortOrdersTheCustomTabsAndKeepsTheMessageTabFirst() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var created = TabCalls.create(
                        t.client(),
                        chatId,
                        url("A", "https://a.example.com"),
                        url("B", "https://b.example.com"),
                        url("C", "https://c.example.com"))
                .getData()
                .getChatTabs();
        String message = created[0].getTabId();

        var sorted = TabCalls.sort(
                t.client(), chatId, created[3].getTabId(), message, created[1].getTabId(), created[2].getTabId());

        assertThat(sorted.getCode()).as(sorted.getMsg()).isZero();
        assertThat(names(sorted.getData().getChatTabs())).containsExactly(null, "C", "A", "B");
        assertThat(ids(sorted.getData().getChatTabs()).get(0)).isEqualTo(message);
        assertThat(names(TabCalls.list(t.client(), chatId).getData().getChatTabs()))
                .containsExactly(null, "C", "A", "B");
    }

    @Test
    void deleteRemovesTheTabsAndAnswersWithTheRest() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var created = TabCalls.create(
                        t.client(),
                        chatId,
                        url("A", "https://a.example.com"),
                        url("B", "https://b.example.com"),
                        url("C", "https://c.example.com"))
                .getData()
                .getChatTabs();

        var resp = TabCalls.delete(t.client(), chatId, created[1].getTabId(), created[3].getTabId());

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        assertThat(names(resp.getData().getChatTabs())).containsExactly(null, "B");
        var more = TabCalls.create(t.client(), chatId, url("D", "https://d.example.com"));
        assertThat(names(more.getData().getChatTabs())).containsExactly(null, "B", "D");
    }

    @Test
    void aUserInTheChatManagesTabsWithAUserToken() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");
        var ann = t.asUser("ann");

        var created = TabCalls.create(t.client(), chatId, ann, url("Ann's", "https://ann.example.com"));
        var listed = TabCalls.list(t.client(), chatId, ann);

        assertThat(created.getCode()).as(created.getMsg()).isZero();
        assertThat(names(listed.getData().getChatTabs())).containsExactly(null, "Ann's");
        assertThat(ids(TabCalls.list(t.client(), chatId).getData().getChatTabs()))
                .containsExactlyElementsOf(ids(listed.getData().getChatTabs()));
    }
}
