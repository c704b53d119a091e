package dev.larkspur.platform.web;

import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A parameter error found before any handler runs (an unreadable, stalled or unstorable body, a bad
 * form or query), in the shape of the route family it was for, as that family's own handlers answer
 * it: the token endpoints {@code 10003} with HTTP 400, the v4-era APIs {@code 10003} with HTTP 200
 * (spec/message.md §1.3; {@code card/update} its own {@code 10002}), everything else {@code 99992402}.
 */
final class InputErrors {
    private static final String[] LEGACY = {"/open-apis/message/v4/", "/open-apis/ephemeral/v1/"};
    private static final String CARD_UPDATE = "/open-apis/interactive/v1/card/update";

    private InputErrors() {}

    static FeishuException invalid(HttpServletRequest request, String field, String detail) {
        String path = request.getRequestURI();
        if (path.startsWith("/open-apis/auth/")) {
            return new FeishuException(
                    FeishuErrors.INVALID_PARAMETER, "invalid param: " + prefixed(field, detail), 400);
        }
        if (path.startsWith(CARD_UPDATE)) {
            return FeishuErrors.legacyCardParam(prefixed(field, detail));
        }
        for (String legacy : LEGACY) {
            if (path.startsWith(legacy)) {
                return FeishuErrors.legacyInvalidParameter(prefixed(field, detail));
            }
        }
        return FeishuErrors.fieldValidation(field, "", detail);
    }

    private static String prefixed(String field, String detail) {
        return "body".equals(field) ? detail : field + " " + detail;
    }
}
