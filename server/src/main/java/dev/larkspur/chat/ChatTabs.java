package dev.larkspur.chat;

import dev.larkspur.chat.internal.NumericIds;
import dev.larkspur.chat.internal.TabRepository;
import dev.larkspur.chat.tabs.ChatTabErrors;
import dev.larkspur.chat.tabs.TabRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chat tabs (spec/group.md §2.17): any member of a group or p2p chat, bot or user, lists the tabs
 * and adds, changes, orders and removes the custom doc and url ones. Every answer is all the tabs of
 * the chat after the operation, the built-in message tab first.
 */
@Service
public class ChatTabs {
    private final TabRepository tabs;
    private final ChatAccess access;

    ChatTabs(TabRepository tabs, ChatAccess access) {
        this.tabs = tabs;
        this.access = access;
    }

    @Transactional
    public List<ChatTab> list(Actor actor, String chatId) {
        var chat = access.load(chatId, actor);
        requireTabsAllowed(chat, actor);
        var current = tabs.list(chat.pk());
        if (current.stream().anyMatch(ChatTab::isMessage)) {
            return current;
        }
        return withMessageTab(access.lock(chatId, actor));
    }

    @Transactional
    public List<ChatTab> create(Actor actor, String chatId, List<ChatTab> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            throw ChatErrors.invalidParam("chat_tabs is required");
        }
        var chat = openForChange(chatId, actor);
        var current = withMessageTab(chat);
        // Every tab is checked before any is written, so a bad one leaves the chat unchanged.
        var fresh = drafts.stream()
                .map(draft -> TabRules.normalise(draft, NumericIds.next()))
                .toList();
        TabRules.requireRoom(current.size() - 1, fresh.size());
        int position = tabs.maxPosition(chat.pk());
        for (var tab : fresh) {
            tabs.insert(chat.pk(), tab, ++position);
        }
        return tabs.list(chat.pk());
    }

    @Transactional
    public List<ChatTab> update(Actor actor, String chatId, List<ChatTab> changes) {
        if (changes == null || changes.isEmpty()) {
            throw ChatErrors.invalidParam("chat_tabs is required");
        }
        var chat = openForChange(chatId, actor);
        var byId = byId(withMessageTab(chat));
        var seen = new HashSet<String>();
        var merged = new ArrayList<ChatTab>();
        for (var change : changes) {
            if (change.tabId() == null || !seen.add(change.tabId())) {
                throw ChatErrors.invalidParam("each tab needs its own tab_id");
            }
            merged.add(TabRules.merge(stored(byId, change.tabId()), change));
        }
        merged.forEach(tab -> tabs.update(chat.pk(), tab));
        return tabs.list(chat.pk());
    }

    @Transactional
    public List<ChatTab> sort(Actor actor, String chatId, List<String> tabIds) {
        if (tabIds == null || tabIds.isEmpty()) {
            throw ChatErrors.invalidParam("tab_ids is required");
        }
        var chat = openForChange(chatId, actor);
        var order = TabRules.sortOrder(withMessageTab(chat), tabIds);
        for (int i = 0; i < order.size(); i++) {
            tabs.setPosition(chat.pk(), order.get(i), i + 1);
        }
        return tabs.list(chat.pk());
    }

    @Transactional
    public List<ChatTab> delete(Actor actor, String chatId, List<String> tabIds) {
        if (tabIds == null || tabIds.isEmpty()) {
            throw ChatErrors.invalidParam("tab_ids is required");
        }
        var chat = openForChange(chatId, actor);
        var byId = byId(withMessageTab(chat));
        var doomed = new HashSet<String>();
        for (String id : tabIds) {
            TabRules.requireEditable(stored(byId, id).tabType());
            doomed.add(id);
        }
        tabs.delete(chat.pk(), doomed);
        return tabs.list(chat.pk());
    }

    /** The chat, locked: tab changes of one chat run one at a time. */
    private Chat openForChange(String chatId, Actor actor) {
        var chat = access.lock(chatId, actor);
        requireTabsAllowed(chat, actor);
        return chat;
    }

    private void requireTabsAllowed(Chat chat, Actor actor) {
        if (!Chat.GROUP.equals(chat.chatMode()) && !chat.isP2p()) {
            throw ChatTabErrors.unsupportedChatType();
        }
        access.requireMember(chat, actor);
    }

    /**
     * The chat's tabs, writing the built-in message tab first if the chat has none yet: chats get
     * it with their first tab operation. The caller holds the chat's row lock.
     */
    private List<ChatTab> withMessageTab(Chat chat) {
        var current = tabs.list(chat.pk());
        if (current.stream().anyMatch(ChatTab::isMessage)) {
            return current;
        }
        tabs.insert(chat.pk(), ChatTab.message(NumericIds.next()), 0);
        return tabs.list(chat.pk());
    }

    private static Map<String, ChatTab> byId(List<ChatTab> current) {
        var map = new LinkedHashMap<String, ChatTab>();
        current.forEach(tab -> map.put(tab.tabId(), tab));
        return map;
    }

    private static ChatTab stored(Map<String, ChatTab> byId, String tabId) {
        var tab = byId.get(tabId);
        if (tab == null) {
            throw ChatErrors.invalidParam("tab_id " + tabId + " is not a tab of this chat");
        }
        return tab;
    }
}
