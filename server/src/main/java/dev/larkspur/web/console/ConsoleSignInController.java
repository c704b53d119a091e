package dev.larkspur.web.console;

import dev.larkspur.admin.AdminToken;
import dev.larkspur.web.session.SignInThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator exchanges the admin token for a session once; the token is checked with the admin
 * API's own constant-time comparison and never written into a page. Wrong tokens are slowed down
 * by the people's sign-in throttle, counted per address.
 */
@Controller
class ConsoleSignInController {
    static final String WRONG = "That is not the admin token.";
    private final AdminToken adminToken;
    private final SignInThrottle throttle;

    ConsoleSignInController(AdminToken adminToken, SignInThrottle throttle) {
        this.adminToken = adminToken;
        this.throttle = throttle;
    }

    @GetMapping("/console/login")
    String form(
            @RequestParam(name = "expired", required = false) String expired, HttpServletRequest request, Model model) {
        if (OperatorSessions.isOperator(request)) {
            return "redirect:/console";
        }
        if (expired != null) {
            model.addAttribute("error", "The sign-in form had expired. Please sign in again.");
        }
        return "web/console/login";
    }

    @PostMapping("/console/login")
    String signIn(
            @RequestParam(name = "token", defaultValue = "") String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String address = request.getRemoteAddr();
        // The throttle counts per "account"; the console has one, so each address gets its own.
        String account = "console@" + address;
        var wait = throttle.waitFor(account, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            model.addAttribute(
                    "error",
                    "Too many wrong tokens. Try again in " + seconds + " second" + (seconds == 1 ? "" : "s") + ".");
            response.setStatus(429);
            return "web/console/login";
        }
        if (!adminToken.matches(token.strip())) {
            throttle.failed(account, address);
            model.addAttribute("error", WRONG);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return "web/console/login";
        }
        throttle.succeeded(account);
        OperatorSessions.signIn(request);
        return "redirect:/console";
    }

    @PostMapping("/console/logout")
    String signOut(HttpServletRequest request) {
        OperatorSessions.signOut(request);
        return "redirect:/console/login";
    }
}
