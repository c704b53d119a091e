package dev.larkspur.directory;

/** A tenant (an organisation); {@code pk} is the internal row key. */
public record Tenant(long pk, String tenantKey, String name, long createdAt) {}
