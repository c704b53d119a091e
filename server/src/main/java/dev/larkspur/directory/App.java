package dev.larkspur.directory;

import java.util.Set;

/** A self-built app of one tenant. Its secret is never held here, only its hash in storage. */
public record App(
        long pk,
        String appId,
        long tenantPk,
        String tenantKey,
        String name,
        boolean botEnabled,
        String botOpenId,
        Set<String> scopes,
        long createdAt) {}
