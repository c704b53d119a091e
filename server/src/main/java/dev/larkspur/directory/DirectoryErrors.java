package dev.larkspur.directory;

import dev.larkspur.platform.FeishuException;

/**
 * Errors of this module. Contact codes are Feishu's (contact-v3/user/get.md); the admin-facing ones
 * (not found, conflict, invalid) use the HTTP status as code, since Feishu has no admin API.
 */
public final class DirectoryErrors {
    /** contact-v3 user get: the user is outside what the app may see (also used for unknown ids). */
    public static final int NO_USER_AUTHORITY = 41050;
    /** Common code "app do not have bot" (api-call-guide common codes). */
    public static final int APP_HAS_NO_BOT = 11205;

    private DirectoryErrors() {}

    public static FeishuException noUserAuthority() {
        return new FeishuException(NO_USER_AUTHORITY, "no user authority error", 400);
    }

    public static FeishuException botDisabled() {
        return new FeishuException(APP_HAS_NO_BOT, "app do not have bot", 400);
    }

    public static FeishuException notFound(String what) {
        return new FeishuException(404, what + " not found", 404);
    }

    public static FeishuException conflict(String what) {
        return new FeishuException(409, what, 409);
    }

    public static FeishuException invalid(String what) {
        return new FeishuException(400, what, 400);
    }
}
