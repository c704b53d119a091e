package dev.larkspur.chat;

/**
 * A tab of a chat (spec/group.md §2.17): the built-in {@code message} tab, or a custom {@code doc}
 * or {@code url} tab. Also the shape clients send, without {@code tabId} on create.
 */
public record ChatTab(String tabId, String tabName, String tabType, Content tabContent, Config tabConfig) {
    public static final String MESSAGE = "message";
    public static final String DOC = "doc";
    public static final String URL = "url";

    /** What the tab opens; only the field of the tab's own type is kept. */
    public record Content(String url, String doc, String meetingMinute, String task) {}

    /** Presentation of a {@code url} tab; Feishu ignores it on other types. */
    public record Config(String iconKey, Boolean isBuiltIn) {}

    /** Static, so that the JSON of a tab shows only its fields. */
    public static boolean isMessage(ChatTab tab) {
        return MESSAGE.equals(tab.tabType());
    }

    public static ChatTab message(String tabId) {
        return new ChatTab(tabId, null, MESSAGE, null, null);
    }
}
