package dev.larkspur.chat.tabs;

import dev.larkspur.chat.ChatErrors;
import dev.larkspur.chat.ChatTab;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The rules a chat tab keeps (spec/group.md §2.17), each failing with its Feishu code. Pure, so
 * that each rule has its own unit test.
 */
public final class TabRules {
    static final int MAX_CUSTOM_TABS = 20;
    static final int MAX_NAME_CHARS = 60;
    static final int MAX_LINK_CHARS = 4096;
    static final int MAX_ICON_KEY_CHARS = 512;

    private TabRules() {}

    /** Only {@code doc} and {@code url} tabs may be created, updated or deleted through the API. */
    public static void requireEditable(String tabType) {
        if (tabType == null) {
            throw ChatErrors.invalidParam("tab_type is required");
        }
        if (!ChatTab.DOC.equals(tabType) && !ChatTab.URL.equals(tabType)) {
            throw ChatTabErrors.onlyDocOrUrl(tabType);
        }
    }

    /** At most 20 custom tabs per chat; the built-in message tab does not count. */
    public static void requireRoom(int customTabs, int adding) {
        if (customTabs + adding > MAX_CUSTOM_TABS) {
            throw ChatTabErrors.tooMany();
        }
    }

    /**
     * A new tab as it will be stored: its name fits, the link of its type is an http(s) URL, and
     * what Feishu ignores for its type (the other link, {@code tab_config} off {@code url} tabs) is
     * dropped.
     */
    public static ChatTab normalise(ChatTab draft, String tabId) {
        requireEditable(draft.tabType());
        boolean url = ChatTab.URL.equals(draft.tabType());
        String name = draft.tabName();
        if (name != null && name.codePointCount(0, name.length()) > MAX_NAME_CHARS) {
            throw ChatTabErrors.nameTooLong();
        }
        var content = draft.tabContent();
        String link = content == null ? null : url ? content.url() : content.doc();
        requireHttpLink(url ? "url" : "doc", link);
        return new ChatTab(
                tabId,
                name,
                draft.tabType(),
                url ? new ChatTab.Content(link, null, null, null) : new ChatTab.Content(null, link, null, null),
                url ? config(draft.tabConfig()) : null);
    }

    /**
     * An update applied to a stored tab: fields left out keep their value, the link too while the
     * type stays the same; a change of type needs the new type's link.
     */
    public static ChatTab merge(ChatTab stored, ChatTab change) {
        requireEditable(stored.tabType());
        requireEditable(change.tabType());
        boolean sameType = stored.tabType().equals(change.tabType());
        var given = change.tabContent();
        var kept = sameType ? stored.tabContent() : null;
        var content = new ChatTab.Content(
                given != null && given.url() != null ? given.url() : kept == null ? null : kept.url(),
                given != null && given.doc() != null ? given.doc() : kept == null ? null : kept.doc(),
                null,
                null);
        var config = change.tabConfig() != null ? change.tabConfig() : sameType ? stored.tabConfig() : null;
        String name = change.tabName() != null ? change.tabName() : stored.tabName();
        return normalise(new ChatTab(stored.tabId(), name, change.tabType(), content, config), stored.tabId());
    }

    /**
     * The custom tabs in the requested order. The request must name every tab of the chat once,
     * the message tab included; that tab stays first whatever its place in the request, as Feishu
     * keeps it out of the sorting.
     */
    public static List<String> sortOrder(List<ChatTab> current, List<String> requested) {
        var wanted = new HashSet<>(requested);
        var existing = new HashSet<String>();
        current.forEach(tab -> existing.add(tab.tabId()));
        if (wanted.size() != requested.size() || !wanted.equals(existing)) {
            throw ChatErrors.invalidParam("tab_ids must name every tab of the chat exactly once");
        }
        var custom = new ArrayList<String>();
        for (String id : requested) {
            current.stream()
                    .filter(tab -> tab.tabId().equals(id) && !ChatTab.isMessage(tab))
                    .findFirst()
                    .ifPresent(tab -> custom.add(id));
        }
        return custom;
    }

    private static void requireHttpLink(String field, String link) {
        if (link == null || link.isBlank()) {
            throw ChatTabErrors.illegalContent(field + " is required for a " + field + " tab");
        }
        String lower = link.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw ChatTabErrors.illegalContent(field + " must start with http or https");
        }
        if (link.length() > MAX_LINK_CHARS) {
            throw ChatTabErrors.illegalContent(field + " is longer than " + MAX_LINK_CHARS + " characters");
        }
    }

    private static ChatTab.Config config(ChatTab.Config given) {
        if (given == null || (given.iconKey() == null && given.isBuiltIn() == null)) {
            return null;
        }
        if (given.iconKey() != null && given.iconKey().length() > MAX_ICON_KEY_CHARS) {
            throw ChatErrors.invalidParam("icon_key is too long");
        }
        return given;
    }
}
