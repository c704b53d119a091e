package dev.larkspur.chat;

import dev.larkspur.chat.internal.MenuRepository;
import dev.larkspur.chat.internal.MenuRepository.MenuRow;
import dev.larkspur.chat.internal.NumericIds;
import dev.larkspur.chat.menus.MenuRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chat menus (spec/group.md §2.18): a bot in a group chat appends, reads, orders, removes and edits
 * the chat's menus. Only bots reach this service, as the endpoints take tenant tokens only.
 */
@Service
public class ChatMenus {
    private final MenuRepository menus;
    private final ChatAccess access;

    ChatMenus(MenuRepository menus, ChatAccess access) {
        this.menus = menus;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public ChatMenuTree get(Actor actor, String chatId) {
        var chat = access.load(chatId, actor);
        requireMenusAllowed(chat, actor);
        return tree(menus.list(chat.pk()));
    }

    /** Appends top-level menus with their children; menus already in the chat stay as they are. */
    @Transactional
    public ChatMenuTree create(Actor actor, String chatId, ChatMenuTree request) {
        var drafts = request == null ? null : request.chatMenuTopLevels();
        if (drafts == null || drafts.isEmpty()) {
            throw ChatErrors.invalidParam("menu_tree.chat_menu_top_levels is required");
        }
        var chat = openForChange(chatId, actor);
        var rows = menus.list(chat.pk());
        var tops = topLevels(rows);
        var checked = drafts.stream().map(MenuRules::topLevel).toList();
        MenuRules.requireRoom(tops.size(), checked.size());
        int position = tops.stream().mapToInt(MenuRow::position).max().orElse(-1);
        for (var top : checked) {
            long pk = menus.insert(chat.pk(), NumericIds.next(), null, ++position, top.chatMenuItem());
            var children = top.children() == null ? List.<ChatMenuTree.SecondLevel>of() : top.children();
            for (int i = 0; i < children.size(); i++) {
                menus.insert(
                        chat.pk(), NumericIds.next(), pk, i, children.get(i).chatMenuItem());
            }
        }
        return tree(menus.list(chat.pk()));
    }

    /** Removes top-level menus with their children; every id must be a top-level menu of the chat. */
    @Transactional
    public ChatMenuTree delete(Actor actor, String chatId, List<String> topLevelIds) {
        if (topLevelIds == null || topLevelIds.isEmpty()) {
            throw ChatErrors.invalidParam("chat_menu_top_level_ids is required");
        }
        var chat = openForChange(chatId, actor);
        var tops = topLevels(menus.list(chat.pk()));
        var doomed = new ArrayList<Long>();
        for (String id : topLevelIds) {
            var top = tops.stream()
                    .filter(row -> row.menuId().equals(id))
                    .findFirst()
                    .orElseThrow(() -> ChatErrors.invalidParam(id + " is not a top-level menu of this chat"));
            doomed.add(top.pk());
        }
        menus.deleteTopLevels(doomed);
        return tree(menus.list(chat.pk()));
    }

    @Transactional
    public ChatMenuTree sort(Actor actor, String chatId, List<String> topLevelIds) {
        if (topLevelIds == null) {
            throw ChatErrors.invalidParam("chat_menu_top_level_ids is required");
        }
        var chat = openForChange(chatId, actor);
        var tops = topLevels(menus.list(chat.pk()));
        MenuRules.requireSameMenus(tops.stream().map(MenuRow::menuId).toList(), topLevelIds);
        for (int i = 0; i < topLevelIds.size(); i++) {
            String id = topLevelIds.get(i);
            long pk = tops.stream()
                    .filter(row -> row.menuId().equals(id))
                    .findFirst()
                    .orElseThrow()
                    .pk();
            menus.setPosition(pk, i);
        }
        return tree(menus.list(chat.pk()));
    }

    /** Changes the named fields of one menu, top-level or child; returns the menu as it now is. */
    @Transactional
    public ChatMenuItem patch(
            Actor actor, String chatId, String menuItemId, List<String> updateFields, ChatMenuItem change) {
        var chat = openForChange(chatId, actor);
        var rows = menus.list(chat.pk());
        var row = rows.stream()
                .filter(r -> r.menuId().equals(menuItemId))
                .findFirst()
                .orElseThrow(() -> ChatErrors.invalidParam(menuItemId + " is not a menu of this chat"));
        boolean hasChildren = rows.stream().anyMatch(r -> Objects.equals(r.parentPk(), row.pk()));
        var next = MenuRules.patch(row.item(), hasChildren, updateFields, change);
        menus.updateItem(row.pk(), next);
        return next;
    }

    /** The chat, locked: menu changes of one chat run one at a time. */
    private Chat openForChange(String chatId, Actor actor) {
        var chat = access.lock(chatId, actor);
        requireMenusAllowed(chat, actor);
        return chat;
    }

    private void requireMenusAllowed(Chat chat, Actor actor) {
        if (!Chat.GROUP.equals(chat.chatMode())) {
            throw ChatErrors.chatTypeNotSupported();
        }
        access.requireMember(chat, actor);
    }

    private static List<MenuRow> topLevels(List<MenuRow> rows) {
        return rows.stream().filter(row -> row.parentPk() == null).toList();
    }

    private static ChatMenuTree tree(List<MenuRow> rows) {
        var children = new LinkedHashMap<Long, List<ChatMenuTree.SecondLevel>>();
        for (var row : rows) {
            if (row.parentPk() != null) {
                children.computeIfAbsent(row.parentPk(), pk -> new ArrayList<>())
                        .add(new ChatMenuTree.SecondLevel(row.menuId(), row.item()));
            }
        }
        var tops = topLevels(rows).stream()
                .map(row -> new ChatMenuTree.TopLevel(row.menuId(), row.item(), children.get(row.pk())))
                .toList();
        return new ChatMenuTree(tops);
    }
}
