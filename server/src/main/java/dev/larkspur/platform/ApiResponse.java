package dev.larkspur.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The Feishu envelope {@code {code,msg,data}}; {@code error} only on failures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(int code, String msg, T data, ErrorBody error) {
    /** The request attribute holding the code of a failure's answer, for the Open API metrics. */
    public static final String CODE_ATTRIBUTE = ApiResponse.class.getName() + ".code";

    public static <T> ApiResponse<T> success(T data) {
        return new ApiResponse<>(0, "success", data, null);
    }

    /** For operations without output, which Feishu answers with {@code "data":{}}. */
    public static ApiResponse<Map<String, Object>> empty() {
        return new ApiResponse<>(0, "success", Map.of(), null);
    }

    public static ApiResponse<Void> failure(FeishuException e, String logId) {
        return new ApiResponse<>(
                e.code(),
                e.getMessage(),
                null,
                new ErrorBody(
                        logId,
                        e.getMessage(),
                        "Larkspur log id " + logId,
                        e.permissionViolations().isEmpty() ? null : e.permissionViolations(),
                        e.fieldViolations().isEmpty() ? null : e.fieldViolations()));
    }

    /** The optional {@code error} object, with the field names the Java and Go SDKs parse. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorBody(
            String logId,
            String message,
            String troubleshooter,
            List<FeishuException.PermissionViolation> permissionViolations,
            List<FeishuException.FieldViolation> fieldViolations) {}
}
