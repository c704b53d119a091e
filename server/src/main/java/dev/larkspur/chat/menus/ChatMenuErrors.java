package dev.larkspur.chat.menus;

import dev.larkspur.chat.ChatErrors;
import dev.larkspur.platform.FeishuException;

/** The codes and messages of chat menus (spec/group.md §2.18, §4); all HTTP 400. */
final class ChatMenuErrors {
    private ChatMenuErrors() {}

    static FeishuException tooManyTopLevels() {
        return ChatErrors.of(232070, "The number of chat_menu_top_level has reached the limit.");
    }

    static FeishuException tooManyChildren() {
        return ChatErrors.of(232071, "The number of chat_menu_second_level has reached the limit.");
    }

    static FeishuException badSort() {
        return ChatErrors.of(232072, "Sort chat_menu_top_level's param is invalid.");
    }

    static FeishuException illegal(String detail) {
        return ChatErrors.of(232078, "The chat menu is illegal, ext=" + detail);
    }
}
