package dev.larkspur.junit;

import tools.jackson.databind.JsonNode;

/**
 * One event pushed (or being pushed) to an app: {@code status} is {@code pending}, {@code delivered}
 * or {@code failed}; {@code body} the event as the app receives it (schema 2.0 JSON).
 */
public record Delivery(
        String deliveryId, String eventId, String eventType, String status, int attempts, JsonNode body) {}
