package dev.larkspur.auth;

import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;

/** Errors of the token endpoints (spec/protocols.md §2.4); these answer with HTTP 400. */
final class AuthErrors {
    private AuthErrors() {}

    static FeishuException missingCredentials() {
        return new FeishuException(
                FeishuErrors.INVALID_PARAMETER, "invalid param: app_id and app_secret are required", 400);
    }

    static FeishuException unknownApp() {
        return new FeishuException(FeishuErrors.INVALID_PARAMETER, "invalid param: app_id not found", 400);
    }

    static FeishuException wrongSecret() {
        return new FeishuException(FeishuErrors.APP_SECRET_INVALID, "app secret invalid", 400);
    }
}
