package dev.larkspur.message;

import dev.larkspur.platform.FeishuException;
import dev.larkspur.platform.PageTokens;

/** The message domain's Feishu codes (spec/message.md §6); HTTP 400. */
public final class MessageErrors {
    private MessageErrors() {}

    public static FeishuException of(int code, String msg) {
        return new FeishuException(code, msg, 400);
    }

    /** 230001 with one of the documented {@code ext=} details (spec/message.md §6.2). */
    public static FeishuException invalid(String ext) {
        return of(230001, "Your request contains an invalid request parameter, ext=" + ext);
    }

    /** How message lists (history, pins, readers) refuse a page token. */
    static final PageTokens.Refusal PAGE_TOKEN = new PageTokens.Refusal(
            () -> invalid("invalid page_token"),
            () -> invalid("the request parameters have changed, page_token is invalid"));

    public static FeishuException invalidContent(String detail) {
        return invalid("invalid message content. " + detail);
    }

    public static FeishuException botNotInChat() {
        return of(230002, "The bot can not be outside the group.");
    }

    public static FeishuException botAbilityOff() {
        return of(230006, "Bot ability is not activated.");
    }

    public static FeishuException recalled() {
        return of(230011, "The message is recalled.");
    }

    public static FeishuException noAvailability() {
        return of(230013, "Bot has NO availability to this user.");
    }

    /** A person writing to a person who has left (spec/message.md §6.1; DOC create.md 230029). */
    public static FeishuException userResigned() {
        return of(230029, "User has resigned.");
    }

    /** A person writing to a person of another tenant (spec/message.md §6.1; DOC create.md 230038). */
    public static FeishuException crossTenantP2p() {
        return of(230038, "Cross tenant p2p chat operate forbid.");
    }

    public static FeishuException p2pNotShareable() {
        return of(230015, "P2P chat can NOT be shared.");
    }

    public static FeishuException blockedBySettings() {
        return of(230018, "These operations are NOT allowed at current group settings.");
    }

    public static FeishuException tooLong() {
        return of(230025, "The length of the message content reaches its limit.");
    }

    public static FeishuException cannotRecall() {
        return of(230026, "No permission to recall this message.");
    }

    public static FeishuException beingSent() {
        return of(230049, "The message is being sent.");
    }

    public static FeishuException invisible() {
        return of(230050, "The message is invisible to the operator.");
    }

    public static FeishuException typeNotSupported() {
        return of(230054, "This operation is not supported for this message type.");
    }

    public static FeishuException notSender() {
        return of(230071, "The operator is not the sender of the message.");
    }

    public static FeishuException editLimit() {
        return of(230072, "The message has reached the number of times it can be edited.");
    }

    public static FeishuException chatDissolved() {
        return of(232009, "Your request specifies a chat which has already been dissolved.");
    }

    /** The spec's wording (spec/message.md §6.1), for read receipts, urgent and batch messages alike. */
    public static FeishuException botNotSender() {
        return of(230012, "Bot is NOT the sender of the message.");
    }

    public static FeishuException readStatusExpired() {
        return of(230033, "Get the reading status must be done within 7 days after the message is sent.");
    }

    public static FeishuException rateLimited() {
        return of(230020, "This operation triggers the frequency limit.");
    }

    public static FeishuException resourceTypeMismatch() {
        return of(230055, "The type of file upload does not match the type of message being sent.");
    }

    public static FeishuException botNotResourceOwner() {
        return of(230017, "Bot is NOT the owner of the resource.");
    }

    public static FeishuException recallExpired() {
        return of(230009, "Message has expired when recall message.");
    }

    /** Feishu words the batch recall window its own way (spec/message.md §6.1). */
    public static FeishuException batchRecallExpired() {
        return of(230009, "Message can only be recalled within one days.");
    }

    public static FeishuException batchMessageNotFound() {
        return of(230030, "The message id is invalid, record not found.");
    }

    public static FeishuException editWindowPassed() {
        return of(230031, "Message can only be modified within 14 days after sending.");
    }

    public static FeishuException pinChatNotFound() {
        return of(230045, "The chat not exist.");
    }

    public static FeishuException pinLimit() {
        return of(230047, "Pin/Unpin message trigger message_id limit.");
    }

    public static FeishuException cardJsonUnparsable() {
        return of(
                230099,
                "Failed to create card content, ext=ErrCode: 200621; ErrMsg: parse card json err, please check"
                        + " whether the card json is correct");
    }

    public static FeishuException messageDeleted() {
        return of(230110, "Action unavailable as the message has been deleted.");
    }
}
