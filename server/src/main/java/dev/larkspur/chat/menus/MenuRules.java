package dev.larkspur.chat.menus;

import dev.larkspur.chat.ChatErrors;
import dev.larkspur.chat.ChatMenuItem;
import dev.larkspur.chat.ChatMenuTree;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules chat menus keep (spec/group.md §2.18), each failing with its Feishu code. Content
 * problems are 232078 "illegal menu"; a missing or malformed request field is 232001.
 */
public final class MenuRules {
    static final int MAX_TOP_LEVELS = 3;
    static final int MAX_CHILDREN = 5;
    static final int MAX_NAME_CHARS = 120;
    static final int MAX_LINK_CHARS = 4096;
    static final int MAX_IMAGE_KEY_CHARS = 512;
    static final Set<String> UPDATE_FIELDS = Set.of("ICON", "NAME", "I18N_NAME", "REDIRECT_LINK");

    private MenuRules() {}

    /** A chat has at most three top-level menus. */
    public static void requireRoom(int topLevels, int adding) {
        if (topLevels + adding > MAX_TOP_LEVELS) {
            throw ChatMenuErrors.tooManyTopLevels();
        }
    }

    /**
     * A new top-level menu, checked with its children: at most five of them, and a menu that has
     * children opens nothing itself ({@code NONE}) and shows no icon.
     */
    public static ChatMenuTree.TopLevel topLevel(ChatMenuTree.TopLevel draft) {
        var children = draft.children() == null ? List.<ChatMenuTree.SecondLevel>of() : draft.children();
        if (children.size() > MAX_CHILDREN) {
            throw ChatMenuErrors.tooManyChildren();
        }
        var item = item(required(draft.chatMenuItem()), true);
        requireParentShape(item, !children.isEmpty());
        var checked = children.stream()
                .map(child -> new ChatMenuTree.SecondLevel(null, item(required(child.chatMenuItem()), false)))
                .toList();
        return new ChatMenuTree.TopLevel(null, item, checked.isEmpty() ? null : checked);
    }

    /**
     * A menu item after a partial update: only the named fields change, the action type never does,
     * and the result keeps every rule a new item keeps.
     */
    public static ChatMenuItem patch(
            ChatMenuItem stored, boolean hasChildren, List<String> fields, ChatMenuItem change) {
        if (fields == null || fields.isEmpty()) {
            throw ChatErrors.invalidParam("update_fields is required");
        }
        var unknown = fields.stream().filter(f -> !UPDATE_FIELDS.contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw ChatErrors.invalidParam("unknown update_fields " + unknown);
        }
        var given = required(change);
        if (given.actionType() != null && !given.actionType().equals(stored.actionType())) {
            throw ChatMenuErrors.illegal("the action_type of a menu cannot change");
        }
        var next = new ChatMenuItem(
                stored.actionType(),
                fields.contains("REDIRECT_LINK") ? given.redirectLink() : stored.redirectLink(),
                fields.contains("ICON") ? given.imageKey() : stored.imageKey(),
                fields.contains("NAME") ? given.name() : stored.name(),
                fields.contains("I18N_NAME") ? given.i18nNames() : stored.i18nNames());
        var checked = item(next, true);
        requireParentShape(checked, hasChildren);
        return checked;
    }

    /** The ids of a sort must be exactly the chat's top-level menus, each once. */
    public static void requireSameMenus(List<String> existing, List<String> requested) {
        var wanted = new HashSet<>(requested);
        if (wanted.size() != requested.size() || !wanted.equals(new HashSet<>(existing))) {
            throw ChatMenuErrors.badSort();
        }
    }

    private static void requireParentShape(ChatMenuItem item, boolean hasChildren) {
        if (hasChildren && !ChatMenuItem.NONE.equals(item.actionType())) {
            throw ChatMenuErrors.illegal("a menu with children must have action_type NONE");
        }
        if (hasChildren && item.imageKey() != null) {
            throw ChatMenuErrors.illegal("a menu with children cannot have an icon");
        }
    }

    /** One item on its own; children may leave out the action type, which then is NONE. */
    private static ChatMenuItem item(ChatMenuItem item, boolean actionRequired) {
        String action = item.actionType();
        if (action == null && !actionRequired) {
            action = ChatMenuItem.NONE;
        }
        if (!ChatMenuItem.NONE.equals(action) && !ChatMenuItem.REDIRECT_LINK.equals(action)) {
            throw ChatMenuErrors.illegal("action_type must be NONE or REDIRECT_LINK");
        }
        requireName("name", item.name());
        var i18n = item.i18nNames();
        if (i18n != null) {
            Stream.of(i18n.zhCn(), i18n.enUs(), i18n.jaJp())
                    .filter(n -> n != null)
                    .forEach(n -> requireName("i18n_names", n));
        }
        var link = item.redirectLink();
        var urls = link == null
                ? List.<String>of()
                : Stream.of(link.commonUrl(), link.iosUrl(), link.androidUrl(), link.pcUrl(), link.webUrl())
                        .filter(u -> u != null)
                        .toList();
        urls.forEach(MenuRules::requireHttpLink);
        if (ChatMenuItem.REDIRECT_LINK.equals(action) && urls.isEmpty()) {
            throw ChatMenuErrors.illegal("a REDIRECT_LINK menu needs a redirect_link");
        }
        if (item.imageKey() != null && item.imageKey().length() > MAX_IMAGE_KEY_CHARS) {
            throw ChatErrors.invalidParam("image_key is too long");
        }
        return new ChatMenuItem(action, urls.isEmpty() ? null : link, item.imageKey(), item.name(), i18n);
    }

    private static void requireName(String field, String name) {
        int length = name == null ? 0 : name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_NAME_CHARS) {
            throw ChatMenuErrors.illegal(field + " must have 1 to " + MAX_NAME_CHARS + " characters");
        }
    }

    private static void requireHttpLink(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw ChatMenuErrors.illegal("redirect urls must start with http or https");
        }
        if (url.length() > MAX_LINK_CHARS) {
            throw ChatMenuErrors.illegal("a redirect url is longer than " + MAX_LINK_CHARS + " characters");
        }
    }

    private static ChatMenuItem required(ChatMenuItem item) {
        if (item == null) {
            throw ChatErrors.invalidParam("chat_menu_item is required");
        }
        return item;
    }
}
