package dev.larkspur.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Log ids in the shape Feishu's {@code X-Tt-Logid} has: a timestamp to the second followed by
 * upper-case hex, e.g. {@code 20261121235708A1B2C3D4E5F60718293A}.
 */
public final class LogIds {
    public static final String ATTRIBUTE = LogIds.class.getName();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private LogIds() {}

    public static String next() {
        return LocalDateTime.now().format(STAMP) + Ids.hex(20).toUpperCase();
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id instanceof String s ? s : "";
    }
}
