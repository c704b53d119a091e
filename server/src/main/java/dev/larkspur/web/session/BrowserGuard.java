package dev.larkspur.web.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every browser request passes: the security headers, the CSRF check on state-changing
 * methods, the check that a signed-in person has not resigned since, and the sign-in check on
 * pages that need a person. Limited to {@link BrowserPaths}, so
 * API clients never see sessions, redirects or these headers.
 */
@Component
class BrowserGuard extends OncePerRequestFilter {
    static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self';"
            + " object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_PARAM = "_csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private final ActivePeople people;

    BrowserGuard(ActivePeople people) {
        this.people = people;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !BrowserPaths.isBrowserPath(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!path.startsWith("/web/")) {
            // Pages show a person's chats: no shared or back-button caches after sign-out.
            response.setHeader("Cache-Control", "no-store");
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfPresent(request)) {
            refuseCsrf(path, response);
            return;
        }
        var me = WebSessions.current(request);
        if (me.isPresent() && !path.startsWith("/web/") && !people.active(me.get())) {
            // Resigned since signing in: the session ends now, not at its idle expiry.
            WebSessions.signOut(request);
            me = java.util.Optional.empty();
        }
        if (BrowserPaths.needsSignIn(path) && me.isEmpty()) {
            sendToSignIn(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean csrfPresent(HttpServletRequest request) {
        String given = request.getHeader(CSRF_HEADER);
        if (given == null) {
            given = request.getParameter(CSRF_PARAM);
        }
        return WebSessions.csrfMatches(request, given);
    }

    /**
     * The sign-in form's token is gone when its session expired while the form was open: show the
     * form again with a word on it rather than a bare refusal.
     */
    private static void refuseCsrf(String path, HttpServletResponse response) throws IOException {
        if (path.equals("/login") || path.equals("/console/login")) {
            response.sendRedirect(path + "?expired");
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter()
                .write("This form has expired or did not come from Larkspur. Reload the page and try again.");
    }

    /** htmx follows {@code HX-Redirect}; a plain page load is redirected back here after sign-in. */
    private static void sendToSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("true".equals(request.getHeader("HX-Request")) || !"GET".equals(request.getMethod())) {
            response.setHeader("HX-Redirect", "/login");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String target =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.sendRedirect(
                "/login?next=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
    }
}
