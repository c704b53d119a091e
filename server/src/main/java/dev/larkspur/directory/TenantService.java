package dev.larkspur.directory;

import dev.larkspur.directory.internal.TenantRepository;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tenants: created by operators or seed files, each with a 16-hex {@code tenant_key}. */
@Service
public class TenantService {
    private static final Pattern TENANT_KEY = Pattern.compile("[0-9a-z]{8,32}");
    private final TenantRepository tenants;
    private final Clock clock;

    TenantService(TenantRepository tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Creates a tenant; a null key is generated. A key already taken is a conflict. */
    @Transactional
    public Tenant create(String tenantKey, String name) {
        if (name == null || name.isBlank()) {
            throw DirectoryErrors.invalid("name is required");
        }
        String key = tenantKey == null ? Ids.tenantKey() : tenantKey;
        if (!TENANT_KEY.matcher(key).matches()) {
            throw DirectoryErrors.invalid("tenant_key must be 8 to 32 lower-case letters or digits");
        }
        if (tenants.findByKey(key).isPresent()) {
            throw DirectoryErrors.conflict("tenant " + key + " already exists");
        }
        return tenants.insert(key, name.strip(), clock.millis());
    }

    /** Makes the tenant exist with this name; unchanged if it already does. */
    @Transactional
    public Tenant ensure(String tenantKey, String name) {
        return tenants.findByKey(tenantKey)
                .map(existing -> {
                    if (!existing.name().equals(name)) {
                        tenants.rename(existing.pk(), name);
                        return new Tenant(existing.pk(), existing.tenantKey(), name, existing.createdAt());
                    }
                    return existing;
                })
                .orElseGet(() -> create(tenantKey, name));
    }

    /** Gives the tenant a new display name; its key never changes. */
    @Transactional
    public Tenant rename(String tenantKey, String name) {
        if (name == null || name.isBlank()) {
            throw DirectoryErrors.invalid("name is required");
        }
        var tenant = get(tenantKey);
        tenants.rename(tenant.pk(), name.strip());
        return get(tenantKey);
    }

    public Optional<Tenant> find(String tenantKey) {
        return tenants.findByKey(tenantKey);
    }

    public Tenant get(String tenantKey) {
        return find(tenantKey).orElseThrow(() -> DirectoryErrors.notFound("tenant " + tenantKey));
    }

    public List<Tenant> list() {
        return tenants.findAll();
    }

    public boolean none() {
        return tenants.isEmpty();
    }
}
