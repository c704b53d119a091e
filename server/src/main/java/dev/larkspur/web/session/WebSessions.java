package dev.larkspur.web.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The browser session: who is signed in, and the session's CSRF token. The session itself is the
 * servlet container's (cookie {@code LARKSPUR_SESSION}, idle timeout from application.yml).
 */
public final class WebSessions {
    static final String SIGNED_IN = "larkspur.signedIn";
    static final String CSRF = "larkspur.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebSessions() {}

    /** The signed-in person of this request's session, if any. Never creates a session. */
    public static Optional<SignedIn> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        return session.getAttribute(SIGNED_IN) instanceof SignedIn s ? Optional.of(s) : Optional.empty();
    }

    /** The session's CSRF token, creating the session (and token) when there is none yet. */
    public static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        if (session.getAttribute(CSRF) instanceof String existing) {
            return existing;
        }
        String token = newToken();
        session.setAttribute(CSRF, token);
        return token;
    }

    /** Whether {@code given} is this session's CSRF token; false without a session. */
    static boolean csrfMatches(HttpServletRequest request, String given) {
        HttpSession session = request.getSession(false);
        if (session == null || given == null || !(session.getAttribute(CSRF) instanceof String token)) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(), given.getBytes());
    }

    /**
     * Binds the person to a session with a new id and a new CSRF token, so that a session id or
     * token planted before sign-in is worth nothing after it.
     */
    static void signIn(HttpServletRequest request, SignedIn person) {
        renew(request).setAttribute(SIGNED_IN, person);
    }

    /**
     * A new session id and CSRF token for the request's session (created if needed), keeping what it
     * holds: for any sign-in that raises what the session may do, such as the console's operator.
     */
    public static HttpSession renew(HttpServletRequest request) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession(false);
        session.setAttribute(CSRF, newToken());
        return session;
    }

    static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
