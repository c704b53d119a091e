package dev.larkspur.event;

/** One push of a delivery: when, what came back, how long it took, and any error. */
public record DeliveryAttempt(int attempt, long at, Integer statusCode, long latencyMs, String error) {}
