package dev.larkspur.web.console.deliveries;

import dev.larkspur.event.DeliveryInspector;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One line of the inspector's list. */
record DeliveryRow(
        long id,
        String eventId,
        String eventType,
        String mode,
        String status,
        int attempts,
        Integer lastStatus,
        Integer lastLatencyMs,
        String lastError,
        String createdAt) {
    static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    static DeliveryRow of(DeliveryInspector.Inspected i) {
        var d = i.delivery();
        return new DeliveryRow(
                d.pk(),
                i.eventId(),
                i.eventType(),
                d.mode(),
                d.status(),
                d.attempts(),
                d.lastStatus(),
                d.lastLatencyMs(),
                d.lastError(),
                UTC.format(Instant.ofEpochMilli(d.createdAt())));
    }
}
