package dev.larkspur.web.session;

import dev.larkspur.directory.PasswordService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in with email and password, and out. */
@Controller
class SignInController {
    static final String WRONG = "Wrong email or password.";
    private final PasswordService passwords;
    private final SignInThrottle throttle;

    SignInController(PasswordService passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @GetMapping("/")
    String home(HttpServletRequest request) {
        return WebSessions.current(request).isPresent() ? "redirect:/chats" : "redirect:/login";
    }

    @GetMapping("/login")
    String form(
            @RequestParam(name = "next", required = false) String next,
            @RequestParam(name = "expired", required = false) String expired,
            HttpServletRequest request,
            Model model) {
        if (WebSessions.current(request).isPresent()) {
            return "redirect:" + safeNext(next);
        }
        if (expired != null) {
            model.addAttribute("error", "The sign-in form had expired. Please sign in again.");
        }
        model.addAttribute("next", next);
        return "web/login";
    }

    @PostMapping("/login")
    String signIn(
            @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "password", defaultValue = "") String password,
            @RequestParam(name = "next", required = false) String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String address = request.getRemoteAddr();
        model.addAttribute("email", email);
        model.addAttribute("next", next);
        var wait = throttle.waitFor(email, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            model.addAttribute(
                    "error",
                    "Too many failed sign-ins. Try again in " + seconds + " second" + (seconds == 1 ? "" : "s") + ".");
            response.setStatus(429);
            return "web/login";
        }
        var match = passwords.authenticate(email, password);
        if (match.isEmpty()) {
            throttle.failed(email, address);
            model.addAttribute("error", WRONG);
            return "web/login";
        }
        throttle.succeeded(email);
        var user = match.get().user();
        var tenant = match.get().tenant();
        WebSessions.signIn(
                request, new SignedIn(tenant.pk(), tenant.tenantKey(), user.pk(), user.name(), user.email()));
        return "redirect:" + safeNext(next);
    }

    @PostMapping("/logout")
    String signOut(HttpServletRequest request) {
        WebSessions.signOut(request);
        return "redirect:/login";
    }

    /** Only a path on this server: never another host (an open redirect) nor a scheme. */
    static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/chats";
        }
        return next;
    }
}
