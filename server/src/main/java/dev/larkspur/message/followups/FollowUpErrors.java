package dev.larkspur.message.followups;

import dev.larkspur.message.MessageErrors;
import dev.larkspur.platform.FeishuException;

/**
 * push_follow_up's own codes (spec/message.md §3.14): the endpoint reuses 230002–230008 with
 * meanings of its own, so they are kept apart from the message-wide ones of the same numbers.
 */
final class FollowUpErrors {
    private FollowUpErrors() {}

    static FeishuException expired() {
        return MessageErrors.of(230002, "expired message.");
    }

    static FeishuException onlyP2p() {
        return MessageErrors.of(230003, "only support p2p chat.");
    }

    static FeishuException invisible() {
        return MessageErrors.of(230004, "invisible message.");
    }

    static FeishuException userNotVisible() {
        return MessageErrors.of(230005, "user is not visible to bot.");
    }

    static FeishuException notLatest() {
        return MessageErrors.of(230006, "only support latest message.");
    }

    static FeishuException invalidFollowUp() {
        return MessageErrors.of(230007, "invalid follow up.");
    }

    static FeishuException alreadyExists() {
        return MessageErrors.of(230008, "follow up already exist.");
    }
}
