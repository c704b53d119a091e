package dev.larkspur.web.session;

import java.util.Set;

/**
 * The paths a browser uses (web-contract.md). Only these get sessions' CSRF checks and the
 * browser's security headers; {@code /open-apis} (but for the OAuth page) and {@code /admin} never do.
 */
public final class BrowserPaths {
    private static final Set<String> EXACT = Set.of(
            "/",
            "/login",
            "/logout",
            "/chats",
            "/console",
            "/events",
            "/open-apis/authen/v1/authorize",
            "/open-apis/authen/v1/index");

    private BrowserPaths() {}

    public static boolean isBrowserPath(String path) {
        return EXACT.contains(path)
                || path.startsWith("/chats/")
                || path.startsWith("/web/")
                || path.startsWith("/console/");
    }

    /**
     * Paths that need a signed-in person; others (the sign-in page, static files) do not. The
     * console ({@code /console}) needs an operator instead, which web.console checks.
     */
    static boolean needsSignIn(String path) {
        return path.equals("/chats") || path.startsWith("/chats/") || path.equals("/events");
    }
}
