package dev.larkspur.platform;

import java.util.Collection;
import java.util.Set;

/**
 * Who is calling an {@code /open-apis} endpoint, as established from its access token: the app, its
 * tenant and granted scopes, and for a user token the user on whose behalf it acts. {@code *Pk}
 * fields are internal row keys, never shown to clients.
 */
public record Caller(
        TokenType tokenType,
        long appPk,
        String appId,
        long tenantPk,
        String tenantKey,
        boolean botEnabled,
        Set<String> scopes,
        Long userPk) {

    public static final String ATTRIBUTE = Caller.class.getName();

    public boolean hasAnyScope(Collection<String> wanted) {
        return wanted.stream().anyMatch(scopes::contains);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
