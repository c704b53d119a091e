package dev.larkspur.admin;

import dev.larkspur.admin.internal.ResetRepository;
import dev.larkspur.directory.DepartmentService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.fault.Faults;
import dev.larkspur.platform.LarkspurProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Back to the seed's state, for test suites that share one server (the JUnit kit): every chat,
 * message, event and delivery is deleted, the directory is trimmed to the seed and the seed applied
 * again, and the fault rules become the seed's. Exists only with {@code
 * larkspur.testing.reset-enabled=true}: no real deployment should have a button that empties it.
 *
 * <p>Why this and not a fresh server or tenant per test: a start costs seconds, and a fresh tenant
 * would change the app ids and secrets a bot under test is configured with. The seed's apps and
 * people keep their database rows, so a bot's cached tenant token, its open_ids and its long
 * connection stay valid across the reset, as they would across tests against Feishu. A push in
 * flight while the reset runs may still reach the bot; the kit resets between tests, not during.
 */
@Service
@ConditionalOnProperty(name = "larkspur.testing.reset-enabled", havingValue = "true")
public class TestingReset {
    private final LarkspurProperties props;
    private final ResetRepository repository;
    private final Provisioning provisioning;
    private final DepartmentService departments;
    private final Faults faults;
    private final TransactionTemplate tx;

    TestingReset(
            LarkspurProperties props,
            ResetRepository repository,
            Provisioning provisioning,
            DepartmentService departments,
            Faults faults,
            TransactionTemplate tx) {
        this.props = props;
        this.repository = repository;
        this.provisioning = provisioning;
        this.departments = departments;
        this.faults = faults;
        this.tx = tx;
    }

    /** Resets; answers how many rows outside the directory were deleted. */
    public int reset() {
        if (props.seed() == null || props.seed().isBlank()) {
            throw DirectoryErrors.invalid("a reset goes back to the seed file, and none is configured (LARKSPUR_SEED)");
        }
        var seed = Provisioning.read(Path.of(props.seed()));
        int deleted = tx.execute(status -> {
            int rows = repository.emptyAllButDirectory();
            repository.trimDirectory(
                    ids(
                            seed,
                            t -> t.apps() == null
                                    ? List.of()
                                    : t.apps().stream()
                                            .map(SeedFile.SeedApp::appId)
                                            .toList()),
                    ids(
                            seed,
                            t -> t.users() == null
                                    ? List.of()
                                    : t.users().stream()
                                            .map(SeedFile.SeedUser::userId)
                                            .toList()),
                    ids(
                            seed,
                            t -> t.departments() == null
                                    ? List.of()
                                    : t.departments().stream()
                                            .map(SeedFile.SeedDepartment::departmentId)
                                            .toList()));
            provisioning.apply(seed);
            // Applying a seed adds departments but never takes a person out of one.
            for (var t : orEmpty(seed.tenants())) {
                for (var u : orEmpty(t.users())) {
                    departments.assign(t.tenantKey(), u.userId(), u.departmentIds());
                }
            }
            return rows;
        });
        faults.clear();
        orEmpty(seed.faults()).forEach(faults::add);
        return deleted;
    }

    private static Map<String, Set<String>> ids(
            SeedFile seed, java.util.function.Function<SeedFile.SeedTenant, List<String>> of) {
        var out = new HashMap<String, Set<String>>();
        for (var t : orEmpty(seed.tenants())) {
            out.computeIfAbsent(t.tenantKey(), k -> new HashSet<>()).addAll(of.apply(t));
        }
        return out;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
