package dev.larkspur.web.console;

import dev.larkspur.platform.FeishuException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A console page whose subject is missing or whose parameters are wrong says so on a page of its own. */
@ControllerAdvice(basePackages = "dev.larkspur.web.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(FeishuException.class)
    String refused(FeishuException e, HttpServletResponse response, Model model) {
        response.setStatus(e.httpStatus() >= 400 && e.httpStatus() < 500 ? e.httpStatus() : 400);
        model.addAttribute("error", e.getMessage());
        return "web/console/error";
    }
}
