package dev.larkspur.web.oauth;

import dev.larkspur.auth.OAuthAuthorizations;
import dev.larkspur.auth.OAuthException;
import dev.larkspur.web.session.WebSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Feishu's authorize page (spec/protocols.md §2.7): {@code authen/v1/authorize} with {@code client_id}
 * and the historic {@code authen/v1/index} with {@code app_id}. The signed-in person sees which app
 * asks for which scopes and allows or denies; the browser then goes to the app's registered redirect
 * URI with {@code code} and {@code state}, or {@code error=access_denied}. A request the app may not
 * make is shown as Feishu's error and redirects nowhere. The rules are {@link OAuthAuthorizations}'.
 */
@Controller
class AuthorizePageController {
    static final String AUTHORIZE = "/open-apis/authen/v1/authorize";
    static final String INDEX = "/open-apis/authen/v1/index";
    private final OAuthAuthorizations authorizations;

    AuthorizePageController(OAuthAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @GetMapping({AUTHORIZE, INDEX})
    String page(AuthorizeParams params, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (WebSessions.current(request).isEmpty()) {
            return "redirect:/login?next=" + URLEncoder.encode(thisUrl(request), StandardCharsets.UTF_8);
        }
        var oauth = params.toRequest();
        try {
            var consent = authorizations.check(oauth);
            response.setHeader("Content-Security-Policy", FormTarget.policy(consent.redirectUri()));
            model.addAttribute("consent", consent);
            model.addAttribute("oauth", oauth);
            return "web/oauth/authorize";
        } catch (OAuthException e) {
            return refused(e, response, model);
        }
    }

    /** The form's answer. BrowserGuard has checked its {@code _csrf} before this runs. */
    @PostMapping({AUTHORIZE, INDEX})
    String decide(
            AuthorizeParams params,
            @RequestParam(name = "decision", defaultValue = "") String decision,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        var me = WebSessions.current(request);
        var oauth = params.toRequest();
        if (me.isEmpty()) {
            // The session ended while the page was open: sign in again, then see the page again.
            String again = AUTHORIZE + "?" + params.toQuery();
            return "redirect:/login?next=" + URLEncoder.encode(again, StandardCharsets.UTF_8);
        }
        try {
            String target = "allow".equals(decision)
                    ? authorizations.allow(me.get().userPk(), oauth)
                    : authorizations.deny(oauth);
            // Sent as is: a view's "redirect:" would expand URI template braces in the app's URL.
            response.sendRedirect(target);
            return null;
        } catch (OAuthException e) {
            return refused(e, response, model);
        }
    }

    private static String refused(OAuthException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errorCode", e.code());
        model.addAttribute("errorMessage", e.getMessage());
        return "web/oauth/error";
    }

    private static String thisUrl(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }
}
