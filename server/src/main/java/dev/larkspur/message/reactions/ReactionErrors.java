package dev.larkspur.message.reactions;

import dev.larkspur.message.MessageErrors;
import dev.larkspur.platform.FeishuException;

/**
 * The reaction endpoints' own codes, with the messages of Feishu's error tables
 * ({@code im-v1/message-reaction/create.md}, {@code list.md}, {@code delete.md}); HTTP 400. Reactions
 * answer with these instead of the 2300xx message codes.
 */
public final class ReactionErrors {
    private ReactionErrors() {}

    public static FeishuException invalidType() {
        return MessageErrors.of(231001, "reaction type is invalid.");
    }

    /** Adding or deleting as a bot or person outside the message's chat. */
    public static FeishuException noPermission() {
        return MessageErrors.of(231002, "The operator has no permission to react on the specific message.");
    }

    /** Unknown ids and recalled messages alike. */
    public static FeishuException messageNotFound() {
        return MessageErrors.of(231003, "The message is not found, maybe not exist or deleted.");
    }

    public static FeishuException chatNotFound() {
        return MessageErrors.of(
                231004, "The chat in which the message exists is not found, maybe not exist, deleted or archived.");
    }

    public static FeishuException notAdder() {
        return MessageErrors.of(231007, "The operator has no permission to delete this reaction.");
    }

    /** Listing as a bot or person outside the message's chat. */
    public static FeishuException noAccess() {
        return MessageErrors.of(231008, "The operator has no access to the message.");
    }

    public static FeishuException notOnMessage() {
        return MessageErrors.of(231010, "The reaction does not belong to the message.");
    }

    public static FeishuException invalidReactionId() {
        return MessageErrors.of(231011, "The request has an invalid reaction_id.");
    }

    public static FeishuException invalidPageToken() {
        return MessageErrors.of(231012, "The request has an invalid pageToken.");
    }

    public static FeishuException invalidUserIdType() {
        return MessageErrors.of(231014, "user_id_type is invalid.");
    }

    /** The same operator adding the same emoji concurrently, when the first add did not last. */
    public static FeishuException repeatedRequest() {
        return MessageErrors.of(231015, "Act on reaction failed, repeated request is processing.");
    }

    public static FeishuException typeNotSupported() {
        return MessageErrors.of(231017, "This operation is not supported for this message type.");
    }

    public static FeishuException invisible() {
        return MessageErrors.of(231018, "The message is invisible to the operator.");
    }
}
