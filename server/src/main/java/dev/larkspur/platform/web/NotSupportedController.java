package dev.larkspur.platform.web;

import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.ErrorResponses;
import dev.larkspur.platform.FeishuCatalog;
import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The least specific mapping under {@code /open-apis}: Spring tries it only when no real endpoint
 * matches. A Feishu API that Larkspur does not serve gets HTTP 501 naming it; anything else is 404.
 */
@RestController
class NotSupportedController {
    private final FeishuCatalog catalog;

    NotSupportedController(FeishuCatalog catalog) {
        this.catalog = catalog;
    }

    @RequestMapping("/open-apis/**")
    ResponseEntity<ApiResponse<Void>> fallback(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        var error = catalog.find(method, path)
                .map(entry -> new FeishuException(
                        FeishuErrors.NOT_SUPPORTED,
                        "Larkspur does not support this Feishu API: " + entry.httpMethod() + " " + entry.path() + " ("
                                + entry.sdkMethod() + ", " + entry.doc() + ")",
                        501))
                .orElseGet(() -> new FeishuException(404, "404 page not found", 404));
        return ErrorResponses.entity(error, request);
    }
}
