package dev.larkspur.message.legacy;

import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;

/**
 * The codes of the v4-era APIs ({@code message/v4/send}, {@code message/v4/batch_send}, {@code
 * ephemeral/v1/*}): taken from the batch_send page and Feishu's server error-code page
 * ({@code /ukTMukTMukTM/ugjM14COyUjL4ITN}). These APIs answer errors with HTTP 200 (spec/message.md
 * §1.3). Rules they share with im/v1 throw im/v1 codes, which {@link #translate} maps.
 */
public final class LegacyErrors {
    /** The status the v4-era APIs answer errors with. */
    public static final int HTTP_STATUS = 200;

    private LegacyErrors() {}

    public static FeishuException of(int code, String msg) {
        return new FeishuException(code, msg, HTTP_STATUS);
    }

    public static FeishuException invalidParameter(String detail) {
        return FeishuErrors.legacyInvalidParameter(detail);
    }

    static FeishuException userNotFound() {
        return of(10004, "user not found");
    }

    static FeishuException messageIdNotExist() {
        return of(10020, "message id not exist");
    }

    static FeishuException botNotInChat() {
        return of(10030, "bot not in chat");
    }

    static FeishuException openIdNotExist() {
        return of(11101, "open_id not exist");
    }

    static FeishuException userIdNotExist() {
        return of(11105, "user_id not exist");
    }

    public static FeishuException userIdsDenied() {
        return of(11203, "send employee ids permission denied");
    }

    public static FeishuException departmentsDenied() {
        return of(11204, "send department list permission denied");
    }

    public static FeishuException noBot() {
        return of(11205, "app do not have bot");
    }

    static FeishuException userNotInChat() {
        return of(11206, "user not in chat");
    }

    static FeishuException chatNotGroup() {
        return of(11228, "chat is not group");
    }

    static FeishuException chatNotFound() {
        return of(11231, "chat not found");
    }

    static FeishuException chatRateLimited() {
        return of(11233, "create message chat trigger rate limit");
    }

    static FeishuException notYourMessage() {
        return of(11234, "this message do not belong you");
    }

    static FeishuException contentFail(String detail) {
        return of(11246, "create message content fail, ext=" + detail);
    }

    public static FeishuException dailyLimit() {
        return of(11247, "internal send message trigger rate limit");
    }

    static FeishuException userResigned() {
        return of(11236, "user is resigned");
    }

    static FeishuException messageIdInvalid() {
        return of(11224, "message_id invalid");
    }

    /** card/update's answer to a body that is not JSON. */
    public static FeishuException cardBodyNotJson() {
        return of(100030, "the request body is not valid JSON");
    }

    /** A body that is not JSON of the expected shape. */
    public static FeishuException unreadableBody() {
        return invalidParameter("the request body is not valid JSON of the expected shape");
    }

    static FeishuException ephemeralDeleted() {
        return of(18051, "The message has been deleted.");
    }

    /** An im/v1 error as the v4-era APIs report it; codes without a v4 counterpart keep theirs. */
    public static FeishuException translate(FeishuException e) {
        String detail = detail(e.getMessage());
        return switch (e.code()) {
            case 230001, 230015, 230034 -> invalidParameter(detail);
            case 230002 -> botNotInChat();
            case 230006 -> noBot();
            case 230013 -> of(11225, "the bot is invisible to the user");
            case 230018 -> of(11223, "do not have im write permission");
            case 230020 -> chatRateLimited();
            case 230025, 230099 -> contentFail(detail);
            case 230029 -> userResigned();
            case 230038 -> of(10010, "send message forbidden");
            case 230049 -> of(18121, "create request is being processed");
            case 232006, 232010 -> chatNotFound();
            case 232009 -> of(11237, "group chat dissolved");
            case 232025 -> noBot();
            default -> e.httpStatus() == HTTP_STATUS
                    ? e
                    : new FeishuException(
                            e.code(), e.getMessage(), HTTP_STATUS, e.permissionViolations(), e.fieldViolations());
        };
    }

    /** The {@code ext=} detail of an im/v1 message, or the whole message when it has none. */
    private static String detail(String msg) {
        int at = msg.indexOf("ext=");
        return at < 0 ? msg : msg.substring(at + 4);
    }
}
