package dev.larkspur.message.urgent;

import dev.larkspur.message.MessageErrors;
import dev.larkspur.platform.FeishuException;

/** The codes of urgent notifications (spec/message.md §3.13), worded as the urgent docs word them. */
final class UrgentErrors {
    private UrgentErrors() {}

    static FeishuException notSender() {
        return MessageErrors.botNotSender();
    }

    static FeishuException tooManyUnread() {
        return MessageErrors.of(230023, "The user has too many unread urgent messages.");
    }

    static FeishuException notAllowed() {
        return MessageErrors.of(230052, "Can not urgent this message.");
    }

    static FeishuException deleted() {
        return MessageErrors.of(230110, "Action unavailable as the message has been deleted.");
    }
}
