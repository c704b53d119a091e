package dev.larkspur.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a {@link FeishuException} becomes an answer: its HTTP status, the {@code {code,msg}}
 * envelope with the request's log id, and the code noted on the request for the metrics. Advices
 * return {@link #entity}; filters, which answer before any handler, {@link #write} it.
 */
public final class ErrorResponses {
    private ErrorResponses() {}

    public static ResponseEntity<ApiResponse<Void>> entity(FeishuException e, HttpServletRequest request) {
        request.setAttribute(ApiResponse.CODE_ATTRIBUTE, e.code());
        return ResponseEntity.status(e.httpStatus()).body(ApiResponse.failure(e, LogIds.of(request)));
    }

    public static void write(
            FeishuException e, HttpServletRequest request, HttpServletResponse response, JsonMapper json)
            throws IOException {
        request.setAttribute(ApiResponse.CODE_ATTRIBUTE, e.code());
        response.setStatus(e.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(ApiResponse.failure(e, LogIds.of(request))));
    }
}
