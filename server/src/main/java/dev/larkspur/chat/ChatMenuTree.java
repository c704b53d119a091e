package dev.larkspur.chat;

import java.util.List;

/**
 * The menus of a chat (spec/group.md §2.18), in display order. Also the shape clients send, without
 * the ids. A top-level menu without children has {@code children == null}, so the JSON leaves it out.
 */
public record ChatMenuTree(List<TopLevel> chatMenuTopLevels) {

    public record TopLevel(String chatMenuTopLevelId, ChatMenuItem chatMenuItem, List<SecondLevel> children) {}

    public record SecondLevel(String chatMenuSecondLevelId, ChatMenuItem chatMenuItem) {}
}
