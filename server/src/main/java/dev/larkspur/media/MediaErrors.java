package dev.larkspur.media;

import dev.larkspur.platform.FeishuException;

/**
 * The resource codes of spec/message.md §6.1 (234xxx), with Feishu's own messages, HTTP 400. Message
 * resource downloads use them too.
 */
public final class MediaErrors {
    private MediaErrors() {}

    private static FeishuException of(int code, String msg) {
        return new FeishuException(code, msg, 400);
    }

    public static FeishuException invalidParam() {
        return of(234001, "Invalid request param.");
    }

    public static FeishuException fileNotInMessage() {
        return of(234003, "File not in message.");
    }

    public static FeishuException appNotInChat() {
        return of(234004, "App not in chat.");
    }

    /** Feishu says "Image has been deleted" for unknown files too (im-v1/file/get.md). */
    public static FeishuException notFound() {
        return of(234005, "Image has been deleted");
    }

    public static FeishuException tooLarge() {
        return of(234006, "The file size exceed the max value.");
    }

    public static FeishuException botAbilityOff() {
        return of(234007, "App does not enable bot feature.");
    }

    public static FeishuException notOwner() {
        return of(234008, "The app is not the resource sender");
    }

    public static FeishuException empty() {
        return of(234010, "File's size can't be 0.");
    }

    /** Feishu's spelling, kept as the SDKs and bots see it. */
    public static FeishuException unknownImageFormat() {
        return of(234011, "Can't regonnize the image format.");
    }

    public static FeishuException resolutionTooHigh() {
        return of(234039, "Image resolution exceeds limit.");
    }

    public static FeishuException unsupportedMessageType() {
        return of(234043, "Unsupported message type.");
    }
}
