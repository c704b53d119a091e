package dev.larkspur.directory;

import dev.larkspur.directory.internal.AppRepository;
import dev.larkspur.directory.internal.SecretHasher;
import dev.larkspur.directory.internal.TenantRepository;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Apps: registration, scopes and bot ability, and the secret check behind the token endpoints. */
@Service
public class AppService {
    /** The SDKs' long-connection code expects {@code cli_} and 16 hex digits (protocols.md §5). */
    private static final Pattern APP_ID = Pattern.compile("cli_[0-9a-f]{16}");

    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9_.:\\-]{1,128}");
    private final AppRepository apps;
    private final TenantRepository tenants;
    private final OpenIds openIds;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecretChecks secrets;

    AppService(
            AppRepository apps,
            TenantRepository tenants,
            OpenIds openIds,
            Clock clock,
            ApplicationEventPublisher events,
            SecretChecks secrets) {
        this.secrets = secrets;
        this.apps = apps;
        this.tenants = tenants;
        this.openIds = openIds;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public CreatedApp create(String tenantKey, NewApp spec) {
        var tenant = tenants.findByKey(tenantKey).orElseThrow(() -> DirectoryErrors.notFound("tenant " + tenantKey));
        String appId = spec.appId() == null ? Ids.appId() : spec.appId();
        if (!APP_ID.matcher(appId).matches()) {
            throw DirectoryErrors.invalid("app_id must be cli_ followed by 16 lower-case hex digits");
        }
        if (apps.findByAppId(appId).isPresent()) {
            throw DirectoryErrors.conflict("app " + appId + " already exists");
        }
        String secret = spec.appSecret() == null ? Ids.secret() : spec.appSecret();
        if (secret.length() < 8) {
            throw DirectoryErrors.invalid("app_secret must have at least 8 characters");
        }
        String name = requireName(spec.name());
        List<String> scopes = validScopes(spec.scopes() == null ? Scopes.DEFAULT : spec.scopes());
        boolean bot = spec.botEnabled() == null || spec.botEnabled();
        long pk = apps.insert(appId, tenant.pk(), name, SecretHasher.hash(secret), bot, Ids.openId(), clock.millis());
        apps.replaceScopes(pk, scopes);
        openIds.forNewApp(pk, tenant.pk());
        return new CreatedApp(get(appId), secret);
    }

    /**
     * Makes a seeded app match its declaration. Applying the same declaration again writes nothing:
     * the stored secret hash is replaced only when the declared secret no longer matches it.
     */
    @Transactional
    public App ensure(String tenantKey, NewApp spec) {
        var existing = apps.findByAppId(spec.appId());
        if (existing.isEmpty()) {
            return create(tenantKey, spec).app();
        }
        var stored = existing.get();
        if (!stored.app().tenantKey().equals(tenantKey)) {
            throw DirectoryErrors.conflict("app " + spec.appId() + " belongs to another tenant");
        }
        if (spec.appSecret() != null && !SecretHasher.matches(spec.appSecret(), stored.secretHash())) {
            apps.updateSecretHash(stored.app().pk(), SecretHasher.hash(spec.appSecret()));
        }
        return update(spec.appId(), new AppChanges(spec.name(), spec.scopes(), spec.botEnabled()));
    }

    @Transactional
    public App update(String appId, AppChanges changes) {
        var app = get(appId);
        String name = changes.name() == null ? app.name() : requireName(changes.name());
        boolean bot = changes.botEnabled() == null ? app.botEnabled() : changes.botEnabled();
        if (!name.equals(app.name()) || bot != app.botEnabled()) {
            apps.update(app.pk(), name, bot);
        }
        if (changes.scopes() != null) {
            var scopes = validScopes(changes.scopes());
            if (!app.scopes().equals(java.util.Set.copyOf(scopes))) {
                apps.replaceScopes(app.pk(), scopes);
            }
        }
        events.publishEvent(new AppChanged(appId));
        return get(appId);
    }

    /** A new generated secret for the app; the old one stops working at once. Shown only here. */
    @Transactional
    public CreatedApp resetSecret(String appId) {
        var app = get(appId);
        String secret = Ids.secret();
        apps.updateSecretHash(app.pk(), SecretHasher.hash(secret));
        return new CreatedApp(app, secret);
    }

    public Optional<App> find(String appId) {
        return apps.findByAppId(appId).map(AppRepository.StoredApp::app);
    }

    public Optional<App> findByPk(long pk) {
        return apps.findByPk(pk);
    }

    public App get(String appId) {
        return find(appId).orElseThrow(() -> DirectoryErrors.notFound("app " + appId));
    }

    public List<App> list(String tenantKey) {
        var tenant = tenants.findByKey(tenantKey).orElseThrow(() -> DirectoryErrors.notFound("tenant " + tenantKey));
        return apps.findByTenant(tenant.pk());
    }

    /** Bots of the tenant named by their open_ids (as in an @mention), keyed by that open_id. */
    public Map<String, App> botsByOpenId(long tenantPk, Collection<String> botOpenIds) {
        var result = new java.util.HashMap<String, App>();
        apps.findByBotOpenIds(tenantPk, botOpenIds).forEach(a -> result.put(a.botOpenId(), a));
        return result;
    }

    public Map<Long, String> botOpenIds(Collection<Long> appPks) {
        return apps.botOpenIds(appPks);
    }

    public Map<Long, String> appIds(Collection<Long> appPks) {
        return apps.appIds(appPks);
    }

    /** The app, if it exists and the secret is its own. */
    public Optional<App> verifySecret(String appId, String secret) {
        return secrets.verify(appId, secret);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw DirectoryErrors.invalid("name is required");
        }
        return name.strip();
    }

    private static List<String> validScopes(List<String> scopes) {
        for (String scope : scopes) {
            if (scope == null || !SCOPE.matcher(scope).matches()) {
                throw DirectoryErrors.invalid("invalid scope: " + scope);
            }
        }
        return scopes.stream().distinct().toList();
    }
}
