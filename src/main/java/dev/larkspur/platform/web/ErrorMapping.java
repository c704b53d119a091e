package dev.larkspur.platform.web;

import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.platform.LogIds;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become Feishu envelopes. Client mistakes (bad JSON, wrong types,
 * missing parameters) are parameter errors with HTTP 400; only a bug is a 500, and it is logged.
 */
@RestControllerAdvice
class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    @ExceptionHandler(FeishuException.class)
    ResponseEntity<ApiResponse<Void>> feishu(FeishuException e, HttpServletRequest request) {
        return respond(e, request);
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        HttpMediaTypeNotSupportedException.class
    })
    ResponseEntity<ApiResponse<Void>> badRequest(Exception e, HttpServletRequest request) {
        return respond(parameterError(e, request), request);
    }

    /** No handler at all (outside {@code /open-apis}, whose fallback answers 404 or 501 itself). */
    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ApiResponse<Void>> notFound(HttpServletRequest request) {
        return respond(new FeishuException(404, "404 page not found", 404), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> methodNotAllowed(HttpServletRequest request) {
        return respond(new FeishuException(405, "405 method not allowed", 405), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> bug(Exception e, HttpServletRequest request) {
        log.error(
                "unhandled error on {} {} (log id {})",
                request.getMethod(),
                request.getRequestURI(),
                LogIds.of(request),
                e);
        return respond(new FeishuException(1, "internal error, log id " + LogIds.of(request), 500), request);
    }

    private static FeishuException parameterError(Exception e, HttpServletRequest request) {
        String detail = "the request body is not valid JSON of the expected shape";
        if (e instanceof MethodArgumentTypeMismatchException m) {
            detail = "invalid value for " + m.getName();
        } else if (e instanceof MissingServletRequestParameterException m) {
            detail = m.getParameterName() + " is required";
        } else if (e instanceof HttpMediaTypeNotSupportedException) {
            detail = "unsupported content type";
        }
        if (request.getRequestURI().startsWith("/open-apis/auth/")) {
            return new FeishuException(FeishuErrors.INVALID_PARAMETER, "invalid param: " + detail, 400);
        }
        return FeishuErrors.fieldValidation("body", "", detail);
    }

    static ResponseEntity<ApiResponse<Void>> respond(FeishuException e, HttpServletRequest request) {
        request.setAttribute(ApiResponse.CODE_ATTRIBUTE, e.code());
        return ResponseEntity.status(HttpStatus.valueOf(e.httpStatus()))
                .body(ApiResponse.failure(e, LogIds.of(request)));
    }
}
