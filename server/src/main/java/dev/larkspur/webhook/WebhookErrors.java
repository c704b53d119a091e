package dev.larkspur.webhook;

import dev.larkspur.platform.FeishuException;

/**
 * The webhook's codes (spec/message.md §3.24). Feishu answers them with HTTP 200, except a body that
 * cannot be read (9499, HTTP 400). The admin-facing ones use the HTTP status as code, as the other
 * admin errors do. Codes and messages marked [3P] were observed against Feishu by third parties.
 */
public final class WebhookErrors {
    public static final int TOKEN_INVALID = 19001;
    public static final int PARAMS_INVALID = 19002;
    public static final int SIGN_MATCH_FAIL = 19021;
    public static final int IP_NOT_ALLOWED = 19022;
    public static final int KEY_WORDS_NOT_FOUND = 19024;
    public static final int BAD_REQUEST = 9499;
    public static final int FREQUENCY_LIMITED = 11232;

    private WebhookErrors() {}

    /** [3P] An unknown token; also a removed bot or a dissolved group (inferred). */
    static FeishuException tokenInvalid() {
        return new FeishuException(TOKEN_INVALID, "param invalid: incoming webhook access token invalid", 200);
    }

    /** [3P] A body without {@code msg_type}. */
    static FeishuException msgTypeMissing() {
        return new FeishuException(PARAMS_INVALID, "params error, msg_type need", 200);
    }

    /** A {@code msg_type} custom bots cannot send (inferred from 19002 above). */
    static FeishuException msgTypeInvalid() {
        return new FeishuException(PARAMS_INVALID, "param invalid: msg_type", 200);
    }

    static FeishuException signMatchFail() {
        return new FeishuException(
                SIGN_MATCH_FAIL, "sign match fail or timestamp is not within one hour from current time", 200);
    }

    static FeishuException ipNotAllowed() {
        return new FeishuException(IP_NOT_ALLOWED, "Ip Not Allowed", 200);
    }

    static FeishuException keyWordsNotFound() {
        return new FeishuException(KEY_WORDS_NOT_FOUND, "Key Words Not Found", 200);
    }

    /** Not JSON, not an object, or over 20 KB. */
    static FeishuException badRequest() {
        return new FeishuException(BAD_REQUEST, "Bad Request", 400);
    }

    /** [3P] "Bad Request: fail to parse content", with what Larkspur found wrong appended. */
    static FeishuException badContent(String detail) {
        return new FeishuException(BAD_REQUEST, "Bad Request: fail to parse content, " + detail, 400);
    }

    /** Over the bot's 100/min or 5/s ([3P] code and message of Feishu's webhook throttling). */
    static FeishuException frequencyLimited() {
        return new FeishuException(FREQUENCY_LIMITED, "frequency limited", 200);
    }

    static FeishuException notFound(String what) {
        return new FeishuException(404, what + " not found", 404);
    }

    static FeishuException invalid(String what) {
        return new FeishuException(400, what, 400);
    }
}
