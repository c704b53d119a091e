package dev.larkspur.chat;

import static dev.larkspur.chat.MenuCalls.link;
import static dev.larkspur.chat.MenuCalls.names;
import static dev.larkspur.chat.MenuCalls.none;
import static dev.larkspur.chat.MenuCalls.top;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.service.im.v1.model.ChatMenuItemRedirectLink;
import com.lark.oapi.service.im.v1.model.I18nNames;
import dev.larkspur.support.TestServer;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of chat menus (spec/group.md §2.18), one test each, through the official SDK. */
class ChatMenusRulesIT {
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

    private static int menuCount(ChatTenant t, String chatId) throws Exception {
        return MenuCalls.get(t.client(), chatId).getData().getMenuTree().getChatMenuTopLevels().length;
    }

    @Test
    void aChatHasAtMostThreeTopLevelMenus() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();

        assertRejected(
                MenuCalls.create(t.client(), chatId, top(none("1")), top(none("2")), top(none("3")), top(none("4"))),
                232070);
        MenuCalls.create(t.client(), chatId, top(none("1")), top(none("2")));
        assertRejected(MenuCalls.create(t.client(), chatId, top(none("3")), top(none("4"))), 232070);
        assertThat(MenuCalls.create(t.client(), chatId, top(none("3"))).getCode())
                .isZero();
        assertThat(menuCount(t, chatId)).isEqualTo(3);
    }

    @Test
    void aTopLevelMenuHasAtMostFiveChildren() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var six = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> link("Kid " + i, "https://example.com/" + i))
                .toArray(com.lark.oapi.service.im.v1.model.ChatMenuItem[]::new);

        assertRejected(MenuCalls.create(t.client(), chatId, top(none("Parent"), six)), 232071);
        var five = MenuCalls.create(t.client(), chatId, top(none("Parent"), Arrays.copyOf(six, 5)));
        assertThat(five.getData().getMenuTree().getChatMenuTopLevels()[0].getChildren())
                .hasSize(5);
    }

    @Test
    void aMenuWithChildrenMustBeOfTypeNoneWithoutAnIcon() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var kid = link("Kid", "https://kid.example.com");
        var withIcon = none("Parent");
        withIcon.setImageKey("img_v2_icon");

        assertRejected(MenuCalls.create(t.client(), chatId, top(link("Parent", "https://example.com"), kid)), 232078);
        assertRejected(MenuCalls.create(t.client(), chatId, top(withIcon, kid)), 232078);
        assertThat(menuCount(t, chatId)).isZero();
        var parent = MenuCalls.create(t.client(), chatId, top(none("Parent"), kid))
                .getData()
                .getMenuTree()
                .getChatMenuTopLevels()[0];
        assertRejected(MenuCalls.patch(t.client(), chatId, parent.getChatMenuTopLevelId(), withIcon, "ICON"), 232078);
    }

    @Test
    void menuNamesHaveOneToHundredTwentyCharacters() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        String full = "菜".repeat(120);
        var longI18n = none("Fine");
        longI18n.setI18nNames(I18nNames.newBuilder().enUs("x".repeat(121)).build());

        assertRejected(MenuCalls.create(t.client(), chatId, top(none(""))), 232078);
        assertRejected(MenuCalls.create(t.client(), chatId, top(none(null))), 232078);
        assertRejected(MenuCalls.create(t.client(), chatId, top(none(full + "!"))), 232078);
        assertRejected(MenuCalls.create(t.client(), chatId, top(longI18n)), 232078);
        var ok = MenuCalls.create(t.client(), chatId, top(none(full)));
        assertThat(ok.getCode()).as(ok.getMsg()).isZero();
        String id = ok.getData().getMenuTree().getChatMenuTopLevels()[0].getChatMenuTopLevelId();
        assertRejected(MenuCalls.patch(t.client(), chatId, id, none(""), "NAME"), 232078);
    }

    @Test
    void redirectLinksMustBeHttpOrHttpsUrls() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var badIos = link("Docs", "https://docs.example.com");
        badIos.getRedirectLink().setIosUrl("lark://open");
        var noLink = link("Docs", null);
        noLink.setRedirectLink(null);

        assertRejected(MenuCalls.create(t.client(), chatId, top(link("Docs", "ftp://docs.example.com"))), 232078);
        assertRejected(MenuCalls.create(t.client(), chatId, top(badIos)), 232078);
        assertRejected(MenuCalls.create(t.client(), chatId, top(noLink)), 232078);
        String id = MenuCalls.create(t.client(), chatId, top(link("Docs", "https://docs.example.com")))
                .getData()
                .getMenuTree()
                .getChatMenuTopLevels()[0]
                .getChatMenuTopLevelId();
        var change = none(null);
        change.setActionType(null);
        change.setRedirectLink(ChatMenuItemRedirectLink.newBuilder()
                .commonUrl("javascript:alert(1)")
                .build());
        assertRejected(MenuCalls.patch(t.client(), chatId, id, change, "REDIRECT_LINK"), 232078);
    }

    @Test
    void aMenusTypeCannotChange() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        String id = MenuCalls.create(t.client(), chatId, top(link("Docs", "https://docs.example.com")))
                .getData()
                .getMenuTree()
                .getChatMenuTopLevels()[0]
                .getChatMenuTopLevelId();

        assertRejected(MenuCalls.patch(t.client(), chatId, id, none("Docs"), "NAME"), 232078);
        assertThat(MenuCalls.patch(t.client(), chatId, id, link("Docs 2", "https://x.example.com"), "NAME")
                        .getCode())
                .isZero();
    }

    @Test
    void patchNeedsKnownUpdateFieldsAndAMenuOfTheChat() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        String id = MenuCalls.create(t.client(), chatId, top(none("Menu")))
                .getData()
                .getMenuTree()
                .getChatMenuTopLevels()[0]
                .getChatMenuTopLevelId();

        assertRejected(MenuCalls.patch(t.client(), chatId, id, none("X"), "COLOR"), 232001);
        assertRejected(MenuCalls.patch(t.client(), chatId, id, none("X")), 232001);
        assertRejected(MenuCalls.patch(t.client(), chatId, id, null, "NAME"), 232001);
        assertRejected(MenuCalls.patch(t.client(), chatId, "7000000000000000001", none("X"), "NAME"), 232001);
    }

    @Test
    void sortMustNameExactlyTheTopLevelMenus() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var tops = MenuCalls.create(t.client(), chatId, top(none("A")), top(none("B")))
                .getData()
                .getMenuTree()
                .getChatMenuTopLevels();
        String a = tops[0].getChatMenuTopLevelId();
        String b = tops[1].getChatMenuTopLevelId();

        assertRejected(MenuCalls.sort(t.client(), chatId, b), 232072);
        assertRejected(MenuCalls.sort(t.client(), chatId, b, a, a), 232072);
        assertRejected(MenuCalls.sort(t.client(), chatId, b, a, "7000000000000000002"), 232072);
        assertThat(names(MenuCalls.get(t.client(), chatId)
                        .getData()
                        .getMenuTree()
                        .getChatMenuTopLevels()))
                .containsExactly("A", "B");
    }

    @Test
    void deleteNamesTopLevelMenusOfTheChat() throws Exception {
        var t = ChatTenant.create(server);
        String chatId = t.chat();
        var parent = MenuCalls.create(t.client(), chatId, top(none("Parent"), link("Kid", "https://kid.example.com")))
                .getData()
                .getMenuTree()
                .getChatMenuTopLevels()[0];

        assertRejected(
                MenuCalls.delete(t.client(), chatId, parent.getChildren()[0].getChatMenuSecondLevelId()), 232001);
        assertRejected(MenuCalls.delete(t.client(), chatId, "7000000000000000003"), 232001);
        assertRejected(MenuCalls.delete(t.client(), chatId), 232001);
        assertThat(menuCount(t, chatId)).isEqualTo(1);
    }
}
