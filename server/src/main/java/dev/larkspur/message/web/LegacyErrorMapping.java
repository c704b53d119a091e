package dev.larkspur.message.web;

import dev.larkspur.message.legacy.LegacyErrors;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.ErrorResponses;
import dev.larkspur.platform.FeishuException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

/**
 * The v4-era APIs answer errors with HTTP 200 (spec/message.md §1.3), unlike the rest of
 * {@code /open-apis}; this advice covers their controllers only and runs before the central
 * mapping. Gateway errors (token, scope, rate limit: 99991xxx) are raised before the API itself
 * runs, so they keep their status; bugs still go to the central mapping as 500s.
 */
@RestControllerAdvice(
        assignableTypes = {
            BatchSendController.class,
            LegacySendController.class,
            CardUpdateController.class,
            EphemeralController.class
        })
@Order(Ordered.HIGHEST_PRECEDENCE)
class LegacyErrorMapping {
    @ExceptionHandler(FeishuException.class)
    ResponseEntity<ApiResponse<Void>> feishu(FeishuException e, HttpServletRequest request) {
        boolean gateway = e.code() >= 99991000 && e.code() < 99992000;
        return ErrorResponses.entity(gateway ? e : LegacyErrors.translate(e), request);
    }

    /** A body that is not JSON of the expected shape: card/update has its own code for it. */
    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ApiResponse<Void>> unreadable(HandlerMethod handler, HttpServletRequest request) {
        var error = handler.getBeanType() == CardUpdateController.class
                ? LegacyErrors.cardBodyNotJson()
                : LegacyErrors.unreadableBody();
        return ErrorResponses.entity(error, request);
    }
}
