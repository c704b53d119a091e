package dev.larkspur.message.forward;

import dev.larkspur.message.MessageErrors;
import dev.larkspur.platform.FeishuException;

/** The forwarding codes of spec/message.md §3.6–3.8 (230061–230070 and kin), as documented. */
final class ForwardErrors {
    private ForwardErrors() {}

    static FeishuException threadNotFound() {
        return MessageErrors.of(230019, "The thread does NOT exist.");
    }

    static FeishuException notForwardable() {
        return MessageErrors.of(230061, "The message type does not support forwarding.");
    }

    static FeishuException targetChatInvalid() {
        return MessageErrors.of(230063, "The chat_id of group to forward is invalid.");
    }

    static FeishuException messageInvalid() {
        return MessageErrors.of(230064, "The message to be forwarded is invalid.");
    }

    static FeishuException threadInvalid() {
        return MessageErrors.of(230064, "The thread to be forwarded is invalid.");
    }

    static FeishuException allInvalid() {
        return MessageErrors.of(230064, "All messages to be forwarded are invalid.");
    }

    static FeishuException recalled() {
        return MessageErrors.of(230065, "The message to be forwarded has been recalled.");
    }

    static FeishuException allRecalled() {
        return MessageErrors.of(230065, "All messages to be forwarded have been recalled.");
    }

    static FeishuException mixedSources() {
        return MessageErrors.of(230067, "The source of the messages to be merged and forwarded are not in compliance.");
    }

    static FeishuException differentChats() {
        return MessageErrors.of(230069, "Does not support forwarding messages from different groups.");
    }
}
