package dev.larkspur.media.web;

import dev.larkspur.media.MediaErrors;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Multipart failures as Feishu answers them. The container parses the body before any handler
 * runs, so these come without a handler and would otherwise reach the catch-all as a 500. Only
 * the media endpoints take multipart bodies, so the resource codes fit: a body over the container's
 * limit is 234006 like one over the media limit, and a malformed body is 234001. Ordered first so
 * that it wins over the platform's catch-all.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadErrors {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiResponse<Void>> tooLarge(HttpServletRequest request) {
        return ErrorResponses.entity(MediaErrors.tooLarge(), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiResponse<Void>> malformed(HttpServletRequest request) {
        return ErrorResponses.entity(MediaErrors.invalidParam(), request);
    }
}
