package dev.larkspur.web.console;

import dev.larkspur.platform.FeishuException;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How every console form ends: the page it came from again (post/redirect/get), with what happened
 * as a notice, or the service's refusal as the error, never a 500 or a JSON envelope.
 */
public final class ConsoleForms {
    private ConsoleForms() {}

    /** Runs {@code action}, whose answer is the notice to show, and redirects to {@code page}. */
    public static String act(RedirectAttributes flash, String page, Supplier<String> action) {
        try {
            flash.addFlashAttribute("notice", action.get());
        } catch (FeishuException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + page;
    }
}
