package dev.larkspur.platform;

import java.util.List;

/**
 * A failure the client should see as a Feishu error: its code, message and HTTP status, and the
 * optional {@code error} details that the SDKs parse. Thrown anywhere, mapped once to the envelope.
 */
public class FeishuException extends RuntimeException {
    private final int code;
    private final int httpStatus;
    private final transient List<PermissionViolation> permissionViolations;
    private final transient List<FieldViolation> fieldViolations;

    public FeishuException(int code, String msg, int httpStatus) {
        this(code, msg, httpStatus, List.of(), List.of());
    }

    public FeishuException(
            int code,
            String msg,
            int httpStatus,
            List<PermissionViolation> permissionViolations,
            List<FieldViolation> fieldViolations) {
        super(msg, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
        this.permissionViolations = List.copyOf(permissionViolations);
        this.fieldViolations = List.copyOf(fieldViolations);
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public List<PermissionViolation> permissionViolations() {
        return permissionViolations;
    }

    public List<FieldViolation> fieldViolations() {
        return fieldViolations;
    }

    /** One entry of {@code error.permission_violations}, spelled as the Java and Go SDKs read it. */
    public record PermissionViolation(String type, String subject, String description) {}

    /** One entry of {@code error.field_violations}. */
    public record FieldViolation(String field, String value, String description) {}
}
