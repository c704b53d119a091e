package dev.larkspur.web.console;

import dev.larkspur.web.session.WebSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Whether a browser session belongs to an operator. It is a mark of its own in the servlet session,
 * apart from the signed-in person: a person's session never opens the console, and signing out of
 * the console leaves a person signed in to chats (and the other way round).
 */
public final class OperatorSessions {
    static final String OPERATOR = "larkspur.operator";

    private OperatorSessions() {}

    public static boolean isOperator(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(OPERATOR));
    }

    /** A new session id and CSRF token, as for a person's sign-in, so nothing planted before counts after. */
    static void signIn(HttpServletRequest request) {
        WebSessions.renew(request).setAttribute(OPERATOR, Boolean.TRUE);
    }

    static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(OPERATOR);
            WebSessions.renew(request);
        }
    }
}
