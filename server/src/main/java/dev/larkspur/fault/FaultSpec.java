package dev.larkspur.fault;

/**
 * A fault rule as the admin API and the seed file state it (snake_case in JSON and YAML). Only
 * {@code action} is required: without {@code app_id}, {@code path} and {@code method} a rule
 * matches every app, API and method; without {@code probability} every matching call (1.0); without
 * {@code count} every one until it expires; without {@code ttl_seconds} it lasts ten minutes.
 */
public record FaultSpec(
        String action,
        String appId,
        String path,
        String method,
        Double probability,
        Integer count,
        Long ttlSeconds,
        Integer httpStatus,
        Integer code,
        String msg,
        Long latencyMs,
        Long windowMs) {}
