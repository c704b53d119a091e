package dev.larkspur.admin;

import dev.larkspur.fault.FaultSpec;
import java.util.List;

/**
 * The seed file ({@code LARKSPUR_SEED}, YAML, snake_case keys): tenants with their departments, apps
 * and users, applied at every start. Apps carry fixed credentials so a bot's config survives resets.
 * {@code faults} are fault rules set at every start, after the tenants (their {@code app_id} may
 * name a seeded app).
 */
public record SeedFile(List<SeedTenant> tenants, List<FaultSpec> faults) {
    public record SeedTenant(
            String tenantKey,
            String name,
            List<SeedDepartment> departments,
            List<SeedApp> apps,
            List<SeedUser> users) {}

    public record SeedDepartment(String departmentId, String name) {}

    /**
     * {@code redirect_uris}, when given, replace the app's registered OAuth redirect URIs; {@code
     * owner_user_id} names the person of the tenant who owns the app.
     */
    public record SeedApp(
            String appId,
            String appSecret,
            String name,
            List<String> scopes,
            Boolean botEnabled,
            List<String> redirectUris,
            String ownerUserId) {}

    /** {@code password}, when given, is the person's web sign-in password (stored hashed). */
    public record SeedUser(
            String userId,
            String name,
            String enName,
            String email,
            String mobile,
            List<String> departmentIds,
            String password) {}
}
