package dev.larkspur.chat.tabs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larkspur.chat.ChatTab;
import dev.larkspur.platform.FeishuException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabRulesTest {
    private static final ChatTab MESSAGE = ChatTab.message("7000000000000000000");

    private static ChatTab url(String id, String name, String url) {
        return new ChatTab(id, name, "url", new ChatTab.Content(url, null, null, null), null);
    }

    private static ChatTab doc(String id, String name, String doc) {
        return new ChatTab(id, name, "doc", new ChatTab.Content(null, doc, null, null), null);
    }

    private static void assertCode(Runnable rule, int code) {
        assertThatThrownBy(rule::run)
                .isInstanceOf(FeishuException.class)
                .extracting(e -> ((FeishuException) e).code())
                .isEqualTo(code);
    }

    @Test
    void onlyDocAndUrlTabsAreEditable() {
        assertCode(() -> TabRules.requireEditable("message"), 232049);
        assertCode(() -> TabRules.requireEditable("pin"), 232049);
        assertCode(() -> TabRules.requireEditable(null), 232001);
        TabRules.requireEditable("doc");
        TabRules.requireEditable("url");
    }

    @Test
    void twentyCustomTabsFitAndTheTwentyFirstDoesNot() {
        TabRules.requireRoom(19, 1);
        assertCode(() -> TabRules.requireRoom(20, 1), 232046);
        assertCode(() -> TabRules.requireRoom(0, 21), 232046);
    }

    @Test
    void namesCountCharactersNotBytes() {
        TabRules.normalise(url(null, "文".repeat(60), "https://x"), "1");
        assertCode(() -> TabRules.normalise(url(null, "文".repeat(61), "https://x"), "1"), 232047);
    }

    @Test
    void theLinkOfTheTabsTypeMustBeAnHttpUrl() {
        assertCode(() -> TabRules.normalise(url(null, "a", "ftp://x"), "1"), 232048);
        assertCode(() -> TabRules.normalise(url(null, "a", " "), "1"), 232048);
        assertCode(() -> TabRules.normalise(doc(null, "a", null), "1"), 232048);
        assertCode(() -> TabRules.normalise(url(null, "a", "https://" + "x".repeat(4096)), "1"), 232048);
    }

    @Test
    void normalisingDropsWhatTheTypeIgnores() {
        var draft = new ChatTab(
                null,
                "d",
                "doc",
                new ChatTab.Content("https://u", "https://d", "https://m", "https://t"),
                new ChatTab.Config("img", true));

        var tab = TabRules.normalise(draft, "42");

        assertThat(tab).isEqualTo(doc("42", "d", "https://d"));
    }

    @Test
    void mergeKeepsOmittedFieldsAndNeedsTheNewTypesLink() {
        var stored = new ChatTab("1", "Site", "url", new ChatTab.Content("https://a", null, null, null), null);

        assertThat(TabRules.merge(stored, new ChatTab("1", null, "url", null, null)))
                .isEqualTo(stored);
        assertCode(() -> TabRules.merge(stored, new ChatTab("1", null, "doc", null, null)), 232048);
        assertCode(() -> TabRules.merge(MESSAGE, url("1", "x", "https://a")), 232049);
    }

    @Test
    void sortingKeepsTheMessageTabOutOfTheOrder() {
        var current = List.of(MESSAGE, url("1", "a", "https://a"), url("2", "b", "https://b"));

        assertThat(TabRules.sortOrder(current, List.of("2", MESSAGE.tabId(), "1")))
                .containsExactly("2", "1");
        assertCode(() -> TabRules.sortOrder(current, List.of("2", "1")), 232001);
        assertCode(() -> TabRules.sortOrder(current, List.of(MESSAGE.tabId(), "1", "1")), 232001);
    }
}
