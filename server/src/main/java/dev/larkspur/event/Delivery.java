package dev.larkspur.event;

/** One event on its way to one app, with where it stands. */
public record Delivery(
        long pk,
        long eventPk,
        long appPk,
        String mode,
        String status,
        int attempts,
        long nextAttemptAt,
        Integer lastStatus,
        String lastError,
        Integer lastLatencyMs,
        long createdAt,
        Long deliveredAt,
        String eventType) {}
