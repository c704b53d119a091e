package dev.larkspur.web.console.deliveries;

import dev.larkspur.platform.FeishuException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The inspector's time bounds: a browser's {@code datetime-local} value, read as UTC. */
final class TimeFilter {
    private TimeFilter() {}

    static Long millis(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new FeishuException(400, field + " must be a date and time like 2026-12-06T21:30", 400);
        }
    }
}
