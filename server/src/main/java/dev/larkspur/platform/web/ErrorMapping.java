package dev.larkspur.platform.web;

import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.ErrorResponses;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.platform.LogIds;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
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
    private static final int MAX_TRACED = 200;
    private final Set<String> traced = ConcurrentHashMap.newKeySet();

    @ExceptionHandler(FeishuException.class)
    ResponseEntity<ApiResponse<Void>> feishu(FeishuException e, HttpServletRequest request) {
        return ErrorResponses.entity(e, request);
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        HttpMediaTypeNotSupportedException.class
    })
    ResponseEntity<ApiResponse<Void>> badRequest(Exception e, HttpServletRequest request) {
        return ErrorResponses.entity(parameterError(e, request), request);
    }

    /** No handler at all (outside {@code /open-apis}, whose fallback answers 404 or 501 itself). */
    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ApiResponse<Void>> notFound(HttpServletRequest request) {
        return ErrorResponses.entity(new FeishuException(404, "404 page not found", 404), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> methodNotAllowed(HttpServletRequest request) {
        return ErrorResponses.entity(new FeishuException(405, "405 method not allowed", 405), request);
    }

    /**
     * The database refused a value (SQLSTATE class 22: too long for its column, a character it cannot
     * store, a number out of range). The edge checks what it knows ({@link StorableTextFilter}, the
     * APIs' own limits); this is the backstop for a column limit no API states, answered as the
     * client's error rather than a 500. Nothing was written: the transaction rolled back.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ApiResponse<Void>> data(DataAccessException e, HttpServletRequest request) {
        if (!isDataException(e)) {
            return bug(e, request);
        }
        return ErrorResponses.entity(
                InputErrors.invalid(
                        request, "body", "a value is too long or contains characters that cannot be stored"),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> bug(Exception e, HttpServletRequest request) {
        String line = "unhandled error on %s %s (log id %s): %s"
                .formatted(request.getMethod(), request.getRequestURI(), LogIds.of(request), oneLine(e));
        // The first failure of a kind gets its stack trace; repeats (one caller hammering the same bug,
        // authenticated or not) get one line each, so they cannot flood the log.
        if (traced.size() < MAX_TRACED && traced.add(signature(e))) {
            log.error(line, e);
        } else {
            log.error(line);
        }
        return ErrorResponses.entity(
                new FeishuException(1, "internal error, log id " + LogIds.of(request), 500), request);
    }

    /** The exception's type and where it was thrown: one stack trace per bug. */
    private static String signature(Throwable e) {
        var frames = e.getStackTrace();
        return e.getClass().getName() + (frames.length == 0 ? "" : "@" + frames[0]);
    }

    private static String oneLine(Throwable e) {
        String text = e.getClass().getName() + ": " + e.getMessage();
        text = text.replaceAll("[\\r\\n\\t]+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    static boolean isDataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
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
        return InputErrors.invalid(request, "body", detail);
    }
}
