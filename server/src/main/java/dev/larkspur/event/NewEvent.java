package dev.larkspur.event;

/**
 * A domain event to record: its type, the tenant and chat it concerns, the one app that may receive
 * it (or null for every app that may see the chat), and the body of its {@code event} field.
 */
public record NewEvent(EventType type, long tenantPk, Long chatPk, Long onlyAppPk, EventBody body) {}
