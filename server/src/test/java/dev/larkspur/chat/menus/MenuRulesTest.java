package dev.larkspur.chat.menus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larkspur.chat.ChatMenuItem;
import dev.larkspur.chat.ChatMenuTree;
import dev.larkspur.platform.FeishuException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MenuRulesTest {
    private static ChatMenuItem none(String name) {
        return new ChatMenuItem("NONE", null, null, name, null);
    }

    private static ChatMenuItem link(String name, String url) {
        return new ChatMenuItem(
                "REDIRECT_LINK", new ChatMenuItem.RedirectLink(url, null, null, null, null), null, name, null);
    }

    private static ChatMenuTree.TopLevel top(ChatMenuItem item, ChatMenuItem... children) {
        var kids = Arrays.stream(children)
                .map(c -> new ChatMenuTree.SecondLevel(null, c))
                .toList();
        return new ChatMenuTree.TopLevel(null, item, kids);
    }

    private static void assertCode(Runnable rule, int code) {
        assertThatThrownBy(rule::run)
                .isInstanceOf(FeishuException.class)
                .extracting(e -> ((FeishuException) e).code())
                .isEqualTo(code);
    }

    @Test
    void threeTopLevelMenusFitAndAFourthDoesNot() {
        MenuRules.requireRoom(2, 1);
        assertCode(() -> MenuRules.requireRoom(3, 1), 232070);
    }

    @Test
    void fiveChildrenFitAndASixthDoesNot() {
        var kids = Collections.nCopies(5, link("k", "https://k")).toArray(ChatMenuItem[]::new);
        assertThat(MenuRules.topLevel(top(none("p"), kids)).children()).hasSize(5);
        var six = Collections.nCopies(6, link("k", "https://k")).toArray(ChatMenuItem[]::new);
        assertCode(() -> MenuRules.topLevel(top(none("p"), six)), 232071);
    }

    @Test
    void aParentOpensNothingAndShowsNoIcon() {
        assertCode(() -> MenuRules.topLevel(top(link("p", "https://p"), none("k"))), 232078);
        var withIcon = new ChatMenuItem("NONE", null, "img", "p", null);
        assertCode(() -> MenuRules.topLevel(top(withIcon, none("k"))), 232078);
        assertThat(MenuRules.topLevel(top(withIcon)).chatMenuItem().imageKey()).isEqualTo("img");
    }

    @Test
    void childrenWithoutAnActionTypeAreNone() {
        var kid = new ChatMenuItem(null, null, null, "k", null);
        var top = MenuRules.topLevel(top(none("p"), kid));
        assertThat(top.children().get(0).chatMenuItem().actionType()).isEqualTo("NONE");
        assertCode(() -> MenuRules.topLevel(top(kid)), 232078);
    }

    @Test
    void namesHaveOneToHundredTwentyCharacters() {
        MenuRules.topLevel(top(none("菜".repeat(120))));
        assertCode(() -> MenuRules.topLevel(top(none("菜".repeat(121)))), 232078);
        assertCode(() -> MenuRules.topLevel(top(none(""))), 232078);
        var i18n = new ChatMenuItem("NONE", null, null, "p", new ChatMenuItem.I18nNames("", null, null));
        assertCode(() -> MenuRules.topLevel(top(i18n)), 232078);
    }

    @Test
    void redirectMenusNeedAnHttpLink() {
        assertCode(() -> MenuRules.topLevel(top(link("l", "ftp://x"))), 232078);
        assertCode(() -> MenuRules.topLevel(top(new ChatMenuItem("REDIRECT_LINK", null, null, "l", null))), 232078);
        assertCode(() -> MenuRules.topLevel(top(new ChatMenuItem("OPEN_APP", null, null, "l", null))), 232078);
    }

    @Test
    void patchAppliesOnlyTheNamedFieldsAndKeepsTheType() {
        var stored = link("old", "https://old");
        var change = new ChatMenuItem(null, null, "img", "new", null);

        var next = MenuRules.patch(stored, false, List.of("NAME"), change);

        assertThat(next).isEqualTo(link("new", "https://old"));
        assertCode(() -> MenuRules.patch(stored, false, List.of("NAME"), none("x")), 232078);
        assertCode(() -> MenuRules.patch(stored, false, List.of("SIZE"), change), 232001);
        assertCode(() -> MenuRules.patch(none("p"), true, List.of("ICON"), change), 232078);
    }

    @Test
    void sortNamesEachTopLevelMenuOnce() {
        MenuRules.requireSameMenus(List.of("a", "b"), List.of("b", "a"));
        assertCode(() -> MenuRules.requireSameMenus(List.of("a", "b"), List.of("b")), 232072);
        assertCode(() -> MenuRules.requireSameMenus(List.of("a", "b"), List.of("b", "a", "a")), 232072);
        assertCode(() -> MenuRules.requireSameMenus(List.of("a"), List.of("a", "c")), 232072);
    }
}
