package dev.larkspur.platform;

import java.util.List;

/**
 * The platform-wide Feishu error codes (spec/protocols.md §2.4, spec/group.md §4 "Platform-level
 * codes"). Module-specific codes (230xxx, 232xxx, …) live with their modules.
 */
public final class FeishuErrors {
    public static final int RATE_LIMITED = 99991400;
    public static final int NEED_TOKEN = 99991661;
    public static final int INVALID_TENANT_TOKEN = 99991663;
    public static final int INVALID_APP_TOKEN = 99991664;
    public static final int INVALID_USER_TOKEN = 99991668;
    public static final int BAD_TOKEN_FORMAT = 99991671;
    public static final int SCOPE_REQUIRED = 99991672;
    public static final int FIELD_VALIDATION = 99992402;
    /** Auth endpoints: {@code invalid parameter}. */
    public static final int INVALID_PARAMETER = 10003;
    /** Auth endpoints: {@code app secret invalid} — the code fake servers and the docs agree on. */
    public static final int APP_SECRET_INVALID = 10014;
    /**
     * Not a Feishu code: Feishu has no "this API is not served here" answer, so Larkspur uses its own
     * code outside Feishu's ranges, with HTTP 501 and a message naming the API.
     */
    public static final int NOT_SUPPORTED = 99999501;

    private FeishuErrors() {}

    public static FeishuException needToken() {
        return new FeishuException(NEED_TOKEN, "Need a token", 400);
    }

    public static FeishuException invalidTenantToken() {
        return new FeishuException(
                INVALID_TENANT_TOKEN,
                "Invalid access token for authorization. Please make a request with token attached.",
                400);
    }

    public static FeishuException invalidUserToken(String msg) {
        return new FeishuException(INVALID_USER_TOKEN, msg, 400);
    }

    public static FeishuException badTokenFormat() {
        return new FeishuException(BAD_TOKEN_FORMAT, "Invalid token: must start with t-/u-", 400);
    }

    public static FeishuException scopeRequired(List<String> scopes) {
        var violations = scopes.stream()
                .map(s -> new FeishuException.PermissionViolation(
                        "action_scope_required", s, "the app needs this scope (any one of the listed ones)"))
                .toList();
        return new FeishuException(
                SCOPE_REQUIRED,
                "Access denied. One of the following scopes is required: [" + String.join(", ", scopes) + "].",
                400,
                violations,
                List.of());
    }

    /**
     * The v4-era APIs' invalid-parameter answer, which they give with HTTP 200 (spec/message.md §1.3):
     * {@code invalid parameter, ext=<detail>}.
     */
    public static FeishuException legacyInvalidParameter(String detail) {
        return new FeishuException(INVALID_PARAMETER, "invalid parameter, ext=" + detail, 200);
    }

    /** {@code card/update}'s own invalid-parameter answer (spec/message.md §3.18), HTTP 200 as well. */
    public static FeishuException legacyCardParam(String detail) {
        return new FeishuException(10002, "card param is invalid, ext=" + detail, 200);
    }

    /** Generic field validation failure: {@code 99992402 field validation failed}. */
    public static FeishuException fieldValidation(String field, String value, String description) {
        return new FeishuException(
                FIELD_VALIDATION,
                "field validation failed",
                400,
                List.of(),
                List.of(new FeishuException.FieldViolation(field, value, description)));
    }
}
