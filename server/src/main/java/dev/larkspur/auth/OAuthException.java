package dev.larkspur.auth;

import dev.larkspur.platform.FeishuException;

/**
 * A refused OAuth step: Feishu's 200xx code and text, plus the RFC 6749 {@code error} word that the
 * v2 token endpoint answers with. The authorize page shows it; the token endpoints render it.
 */
public class OAuthException extends FeishuException {
    private final String error;

    OAuthException(int code, String msg, int httpStatus, String error) {
        super(code, msg, httpStatus);
        this.error = error;
    }

    /** RFC 6749 §5.2 error word: {@code invalid_request}, {@code invalid_grant}, … */
    public String error() {
        return error;
    }
}
