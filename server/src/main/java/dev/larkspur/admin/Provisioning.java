package dev.larkspur.admin;

import dev.larkspur.directory.AppOwners;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.directory.NewApp;
import dev.larkspur.directory.NewUser;
import dev.larkspur.directory.PasswordService;
import dev.larkspur.directory.RedirectUris;
import dev.larkspur.directory.TenantService;
import dev.larkspur.directory.UserService;
import dev.larkspur.fault.Faults;
import dev.larkspur.platform.LarkspurProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * At start-up: applies the seed file if one is configured (idempotently, in one transaction), or on
 * an empty database without a seed creates the demo tenant. Then tells the operator how to get in.
 */
@Component
class Provisioning implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(Provisioning.class);
    private final LarkspurProperties props;
    private final TenantService tenants;
    private final AppService apps;
    private final UserService users;
    private final RedirectUris redirectUris;
    private final PasswordService passwords;
    private final AppOwners owners;
    private final AdminToken adminToken;
    private final DemoTenant demo;
    private final TransactionTemplate tx;
    private final Faults faults;

    Provisioning(
            LarkspurProperties props,
            TenantService tenants,
            AppService apps,
            UserService users,
            RedirectUris redirectUris,
            PasswordService passwords,
            AppOwners owners,
            AdminToken adminToken,
            DemoTenant demo,
            TransactionTemplate tx,
            Faults faults) {
        this.props = props;
        this.tenants = tenants;
        this.apps = apps;
        this.users = users;
        this.redirectUris = redirectUris;
        this.passwords = passwords;
        this.owners = owners;
        this.adminToken = adminToken;
        this.demo = demo;
        this.tx = tx;
        this.faults = faults;
    }

    /** Before the web server opens its port, so that no request sees a half-provisioned server. */
    @Override
    public void afterSingletonsInstantiated() {
        boolean demoCreated = false;
        if (props.seed() != null && !props.seed().isBlank()) {
            var seed = read(Path.of(props.seed()));
            tx.executeWithoutResult(status -> apply(seed));
            orEmpty(seed.faults()).forEach(faults::add);
            log.info("Applied seed file {}", props.seed());
        } else if (tenants.none()) {
            // Creating the demo tenant prints its credentials; later starts only say where they are.
            demo.create();
            demoCreated = true;
        }
        if (!demoCreated) {
            demo.announce();
        }
        // The token is shown once, when this start generated it; later starts say where it is.
        if (adminToken.generated()) {
            log.info(
                    "Admin API token generated and kept in {} (shown here once): {}",
                    props.dataDir().resolve("admin-token"),
                    adminToken.value());
        } else if (props.adminToken() == null || props.adminToken().isBlank()) {
            log.info("Admin API token: kept in {}", props.dataDir().resolve("admin-token"));
        }
    }

    static SeedFile read(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("LARKSPUR_SEED names " + file + ", which cannot be read");
        }
        var mapper = YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return mapper.readValue(file.toFile(), SeedFile.class);
    }

    void apply(SeedFile seed) {
        for (var t : orEmpty(seed.tenants())) {
            if (t.tenantKey() == null) {
                throw DirectoryErrors.invalid("every seeded tenant needs a tenant_key");
            }
            tenants.ensure(t.tenantKey(), t.name() == null ? t.tenantKey() : t.name());
            for (var d : orEmpty(t.departments())) {
                users.ensureDepartment(t.tenantKey(), d.departmentId(), d.name() == null ? d.departmentId() : d.name());
            }
            for (var a : orEmpty(t.apps())) {
                if (a.appId() == null || a.appSecret() == null) {
                    throw DirectoryErrors.invalid("every seeded app needs app_id and app_secret");
                }
                apps.ensure(t.tenantKey(), new NewApp(a.name(), a.appId(), a.appSecret(), a.scopes(), a.botEnabled()));
                if (a.redirectUris() != null) {
                    redirectUris.replace(a.appId(), a.redirectUris());
                }
            }
            for (var u : orEmpty(t.users())) {
                if (u.userId() == null) {
                    throw DirectoryErrors.invalid("every seeded user needs a user_id");
                }
                var user = users.ensure(
                        t.tenantKey(),
                        new NewUser(u.name(), u.enName(), u.email(), u.mobile(), u.userId(), u.departmentIds()));
                if (u.password() != null) {
                    passwords.ensure(user, u.password());
                }
            }
            // Owners are people, so they are set once the tenant's people exist.
            for (var a : orEmpty(t.apps())) {
                if (a.ownerUserId() != null) {
                    owners.setOwner(a.appId(), a.ownerUserId());
                }
            }
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
