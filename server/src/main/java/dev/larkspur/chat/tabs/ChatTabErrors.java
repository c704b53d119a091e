package dev.larkspur.chat.tabs;

import dev.larkspur.chat.ChatErrors;
import dev.larkspur.platform.FeishuException;

/** The codes and messages of chat tabs (spec/group.md §2.17, §4); all HTTP 400. */
public final class ChatTabErrors {
    private ChatTabErrors() {}

    static FeishuException tooMany() {
        return ChatErrors.of(232046, "The number of chat tabs has reached the limit.");
    }

    static FeishuException nameTooLong() {
        return ChatErrors.of(232047, "The length of the tab name reaches the limit.");
    }

    static FeishuException illegalContent(String detail) {
        return ChatErrors.of(232048, "The chat tab content is illegal, ext=" + detail);
    }

    /** DOC gives 232049 the same text as 232048; the ext says which rule was broken. */
    static FeishuException onlyDocOrUrl(String tabType) {
        return ChatErrors.of(
                232049, "The chat tab content is illegal, ext=only doc and url tabs can be changed, not " + tabType);
    }

    public static FeishuException unsupportedChatType() {
        return ChatErrors.of(232050, "Operate chat tab unsupported chat type.");
    }
}
