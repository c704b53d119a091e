package dev.larkspur.web.oauth;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Stands in for an app's redirect URI in the demo (the demo bot registers
 * {@code http://localhost:8080/oauth-demo/callback}): shows the code or the refusal the authorize page
 * sent back, and how the app would exchange the code. It holds nothing and calls nothing.
 */
@Controller
class DemoCallbackController {

    @GetMapping("/oauth-demo/callback")
    String callback(
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error,
            HttpServletResponse response,
            Model model) {
        // Not one of the browser paths BrowserGuard covers, so the same headers are set here.
        response.setHeader("Content-Security-Policy", FormTarget.BASE);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("code", code);
        model.addAttribute("state", state);
        model.addAttribute("error", error);
        return "web/oauth/demo-callback";
    }
}
