package dev.larkspur.chat;

import static dev.larkspur.chat.MenuCalls.ids;
import static dev.larkspur.chat.MenuCalls.link;
import static dev.larkspur.chat.MenuCalls.names;
import static dev.larkspur.chat.MenuCalls.none;
import static dev.larkspur.chat.MenuCalls.top;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.ChatMenuItemRedirectLink;
import com.lark.oapi.service.im.v1.model.I18nNames;
import dev.larkspur.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chat menus through the official Java SDK (spec/group.md §2.18): appended, read, sorted, deleted
 * and edited item by item, in the exact shapes Feishu answers with.
 */
class ChatMenusIT {
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
    void aNewChatHasNoMenus() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");

        var resp = MenuCalls.get(t.client(), chatId);

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        assertThat(ChatTenant.body(resp))
                .isEqualTo(ChatTenant.JSON.readTree(
                        "{\"code\":0,\"msg\":\"success\",\"data\":{\"menu_tree\":{\"chat_menu_top_levels\":[]}}}"));
    }

    @Test
    void createdMenusComeBackWithIdsInTheExactShapeFeishuReturns() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat("ann");
        var parent = none("Menu");
        parent.setI18nNames(
                I18nNames.newBuilder().zhCn("菜单").enUs("Menu").jaJp("メニュー").build());
        var child = link("Sign up", "https://open.feishu.cn/");
        child.setImageKey("img_v2_child");
        child.getRedirectLink().setPcUrl("https://pc.example.com/");

        var resp = MenuCalls.create(t.client(), chatId, top(parent, child), top(link("Home", "http://example.com")));

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        var tops = resp.getData().getMenuTree().getChatMenuTopLevels();
        String childId = tops[0].getChildren()[0].getChatMenuSecondLevelId();
        assertThat(ids(tops)).allMatch(id -> id.matches(NINETEEN_DIGITS));
        assertThat(childId).matches(NINETEEN_DIGITS);
        String expected =
                """
                {"code":0,"msg":"success","data":{"menu_tree":{"chat_menu_top_levels":[
                 {"chat_menu_top_level_id":"%s",
                  "chat_menu_item":{"action_type":"NONE","name":"Menu",
                                    "i18n_names":{"zh_cn":"菜单","en_us":"Menu","ja_jp":"メニュー"}},
                  "children":[{"chat_menu_second_level_id":"%s",
                               "chat_menu_item":{"action_type":"REDIRECT_LINK","name":"Sign up","image_key":"img_v2_child",
                                 "redirect_link":{"common_url":"https://open.feishu.cn/","pc_url":"https://pc.example.com/"}}}]},
                 {"chat_menu_top_level_id":"%s",
                  "chat_menu_item":{"action_type":"REDIRECT_LINK","name":"Home",
                                    "redirect_link":{"common_url":"http://example.com"}}}]}}}
                """
                        .formatted(tops[0].getChatMenuTopLevelId(), childId, tops[1].getChatMenuTopLevelId());
        assertThat(ChatTenant.body(resp)).isEqualTo(ChatTenant.JSON.readTree(expected));
        assertThat(ChatTenant.body(MenuCalls.get(t.client(), chatId))).isEqualTo(ChatTenant.body(resp));
    }

    @Test
    void createAppendsToTheMenusTheChatHas() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var first = MenuCalls.create(t.client(), chatId, top(link("One", "https://one.example.com")));

        var second =
                MenuCalls.create(t.client(), chatId, top(link("Two", "https://two.example.com")), top(none("Three")));

        var tops = second.getData().getMenuTree().getChatMenuTopLevels();
        assertThat(names(tops)).containsExactly("One", "Two", "Three");
        assertThat(ids(tops).get(0))
                .isEqualTo(
                        first.getData().getMenuTree().getChatMenuTopLevels()[0].getChatMenuTopLevelId());
    }

    @Test
    void sortReordersTheTopLevelMenus() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var tops = MenuCalls.create(t.client(), chatId, top(none("A")), top(none("B")), top(none("C")))
                .getData()
                .getMenuTree()
                .getChatMenuTopLevels();

        var resp = MenuCalls.sort(
                t.client(),
                chatId,
                tops[2].getChatMenuTopLevelId(),
                tops[0].getChatMenuTopLevelId(),
                tops[1].getChatMenuTopLevelId());

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        assertThat(names(resp.getData().getMenuTree().getChatMenuTopLevels())).containsExactly("C", "A", "B");
        assertThat(names(MenuCalls.get(t.client(), chatId)
                        .getData()
                        .getMenuTree()
                        .getChatMenuTopLevels()))
                .containsExactly("C", "A", "B");
    }

    @Test
    void deleteRemovesTopLevelMenusWithTheirChildren() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var tops = MenuCalls.create(
                        t.client(),
                        chatId,
                        top(none("Parent"), link("Kid", "https://kid.example.com")),
                        top(none("Stays")))
                .getData()
                .getMenuTree()
                .getChatMenuTopLevels();
        String kid = tops[0].getChildren()[0].getChatMenuSecondLevelId();

        var resp = MenuCalls.delete(t.client(), chatId, tops[0].getChatMenuTopLevelId());

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        assertThat(names(resp.getData().getMenuTree().getChatMenuTopLevels())).containsExactly("Stays");
        var gone = MenuCalls.patch(t.client(), chatId, kid, none("Back?"), "NAME");
        assertThat(gone.getCode()).isEqualTo(232001);
    }

    @Test
    void patchChangesOnlyTheNamedFields() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var tops = MenuCalls.create(t.client(), chatId, top(link("Docs", "https://docs.example.com")))
                .getData()
                .getMenuTree()
                .getChatMenuTopLevels();
        var change = link("Handbook", "https://handbook.example.com");
        change.setImageKey("img_v2_icon");
        change.setI18nNames(I18nNames.newBuilder().enUs("Handbook").build());

        var resp = MenuCalls.patch(t.client(), chatId, tops[0].getChatMenuTopLevelId(), change, "NAME", "ICON");

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        String expected =
                """
                {"code":0,"msg":"success","data":{"chat_menu_item":{"action_type":"REDIRECT_LINK","name":"Handbook",
                 "image_key":"img_v2_icon","redirect_link":{"common_url":"https://docs.example.com"}}}}
                """;
        assertThat(ChatTenant.body(resp)).isEqualTo(ChatTenant.JSON.readTree(expected));
        var link = MenuCalls.patch(
                        t.client(), chatId, tops[0].getChatMenuTopLevelId(), change, "REDIRECT_LINK", "I18N_NAME")
                .getData()
                .getChatMenuItem();
        assertThat(link.getRedirectLink().getCommonUrl()).isEqualTo("https://handbook.example.com");
        assertThat(link.getI18nNames().getEnUs()).isEqualTo("Handbook");
        assertThat(link.getName()).isEqualTo("Handbook");
    }

    @Test
    void patchEditsASecondLevelMenu() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var tops = MenuCalls.create(t.client(), chatId, top(none("Parent"), link("Kid", "https://kid.example.com")))
                .getData()
                .getMenuTree()
                .getChatMenuTopLevels();
        String kid = tops[0].getChildren()[0].getChatMenuSecondLevelId();
        var change = none(null);
        change.setActionType(null);
        change.setRedirectLink(ChatMenuItemRedirectLink.newBuilder()
                .commonUrl("https://kid.example.com/v2")
                .iosUrl("https://ios.example.com")
                .build());

        var resp = MenuCalls.patch(t.client(), chatId, kid, change, "REDIRECT_LINK");

        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        var child = MenuCalls.get(t.client(), chatId)
                .getData()
                .getMenuTree()
                .getChatMenuTopLevels()[0]
                .getChildren()[0];
        assertThat(child.getChatMenuSecondLevelId()).isEqualTo(kid);
        assertThat(child.getChatMenuItem().getName()).isEqualTo("Kid");
        assertThat(child.getChatMenuItem().getRedirectLink().getIosUrl()).isEqualTo("https://ios.example.com");
    }
}
