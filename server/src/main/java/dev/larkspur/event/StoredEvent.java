package dev.larkspur.event;

/** An outbox row as recorded, before rendering for an app. */
public record StoredEvent(
        long pk,
        String eventId,
        String eventType,
        long tenantPk,
        Long chatPk,
        Long onlyAppPk,
        String payload,
        long createdAt) {}
