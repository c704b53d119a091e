package dev.larkspur.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Log ids in the shape Feishu's {@code X-Tt-Logid} has: a timestamp to the second followed by
 * upper-case hex, e.g. {@code 20261121235708A1B2C3D4E5F60718293A}.
 */
public final class LogIds {
    public static final String ATTRIBUTE = LogIds.class.getName();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private LogIds() {}

    public static String next() {
        // Not secrets, so no SecureRandom: its lock was contended with a log id on every request.
        var random = ThreadLocalRandom.current();
        return LocalDateTime.now().format(STAMP)
                + HexFormat.of().withUpperCase().toHexDigits(random.nextLong())
                + HexFormat.of().withUpperCase().toHexDigits(random.nextInt()).substring(4);
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id instanceof String s ? s : "";
    }
}
