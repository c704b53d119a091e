package dev.larkspur.web.session;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every browser page's template gets: the CSRF token for its forms and htmx, and who is signed in. */
@ControllerAdvice(basePackages = "dev.larkspur.web")
class BrowserModel {

    @ModelAttribute("csrf")
    String csrf(HttpServletRequest request) {
        return WebSessions.csrfToken(request);
    }

    /** For htmx: {@code hx-headers} on the page's body, so every htmx request carries the token. */
    @ModelAttribute("csrfHeaders")
    String csrfHeaders(HttpServletRequest request) {
        return "{\"X-CSRF-Token\":\"" + WebSessions.csrfToken(request) + "\"}";
    }

    @ModelAttribute("me")
    SignedIn me(HttpServletRequest request) {
        return WebSessions.current(request).orElse(null);
    }
}
