package dev.larkspur.directory;

import dev.larkspur.directory.internal.DepartmentRepository;
import dev.larkspur.directory.internal.TenantRepository;
import dev.larkspur.directory.internal.UserRepository;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People in a tenant, and finding them by any of their ids as a given app sees them. */
@Service
public class UserService {
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_\\-.@]{1,64}");
    private final UserRepository users;
    private final TenantRepository tenants;
    private final DepartmentRepository departments;
    private final OpenIds openIds;
    private final Clock clock;

    UserService(
            UserRepository users,
            TenantRepository tenants,
            DepartmentRepository departments,
            OpenIds openIds,
            Clock clock) {
        this.users = users;
        this.tenants = tenants;
        this.departments = departments;
        this.openIds = openIds;
        this.clock = clock;
    }

    @Transactional
    public User create(String tenantKey, NewUser spec) {
        var tenant = tenants.findByKey(tenantKey).orElseThrow(() -> DirectoryErrors.notFound("tenant " + tenantKey));
        String userId = spec.userId() == null ? Ids.hex(8) : spec.userId();
        if (!USER_ID.matcher(userId).matches()) {
            throw DirectoryErrors.invalid("user_id must be 1 to 64 letters, digits or _-.@");
        }
        if (users.findByUserId(tenant.pk(), userId).isPresent()) {
            throw DirectoryErrors.conflict("user " + userId + " already exists in tenant " + tenantKey);
        }
        if (spec.name() == null || spec.name().isBlank()) {
            throw DirectoryErrors.invalid("name is required");
        }
        long pk;
        try {
            pk = users.insert(
                    tenant.pk(),
                    userId,
                    Ids.unionId(),
                    spec.name().strip(),
                    spec.enName(),
                    Emails.normalize(spec.email()),
                    Mobiles.normalize(spec.mobile()),
                    clock.millis());
        } catch (DuplicateKeyException e) {
            // Two creations of one user_id at once: both passed the check above, one insert won.
            throw DirectoryErrors.conflict("user " + userId + " already exists in tenant " + tenantKey);
        }
        users.replaceDepartments(pk, departmentPks(tenant.pk(), spec.departmentIds()));
        openIds.forNewUser(pk, tenant.pk());
        return users.findByUserId(tenant.pk(), userId).orElseThrow();
    }

    /** Makes a seeded user match its declaration, by {@code user_id}; unchanged when it already does. */
    @Transactional
    public User ensure(String tenantKey, NewUser spec) {
        var tenant = tenants.findByKey(tenantKey).orElseThrow(() -> DirectoryErrors.notFound("tenant " + tenantKey));
        var existing = users.findByUserId(tenant.pk(), spec.userId());
        if (existing.isEmpty()) {
            return create(tenantKey, spec);
        }
        var user = existing.get();
        String mobile = Mobiles.normalize(spec.mobile());
        String email = Emails.normalize(spec.email());
        if (!Objects.equals(user.name(), spec.name())
                || !Objects.equals(user.enName(), spec.enName())
                || !Objects.equals(user.email(), email)
                || !Objects.equals(user.mobile(), mobile)) {
            users.updateProfile(user.pk(), spec.name(), spec.enName(), email, mobile);
        }
        return users.findByUserId(tenant.pk(), spec.userId()).orElseThrow();
    }

    /** Makes a department exist in the tenant, by its custom {@code department_id}. */
    @Transactional
    public void ensureDepartment(String tenantKey, String departmentId, String name) {
        var tenant = tenants.findByKey(tenantKey).orElseThrow(() -> DirectoryErrors.notFound("tenant " + tenantKey));
        if (departments.findPk(tenant.pk(), departmentId).isEmpty()) {
            departments.insert(tenant.pk(), departmentId, "od-" + Ids.hex(32), name);
        }
    }

    public List<User> page(String tenantKey, long afterPk, int limit) {
        var tenant = tenants.findByKey(tenantKey).orElseThrow(() -> DirectoryErrors.notFound("tenant " + tenantKey));
        return users.pageOfTenant(tenant.pk(), afterPk, limit);
    }

    /**
     * The tenant's people whose name, user_id or email contains {@code query} (any case), by key
     * like {@link #page}; a blank query lists everyone.
     */
    public List<User> search(String tenantKey, String query, long afterPk, int limit) {
        if (query == null || query.isBlank()) {
            return page(tenantKey, afterPk, limit);
        }
        var tenant = tenants.findByKey(tenantKey).orElseThrow(() -> DirectoryErrors.notFound("tenant " + tenantKey));
        return users.searchInTenant(tenant.pk(), query.strip(), afterPk, limit);
    }

    /**
     * Marks the person as resigned, as Feishu does when someone leaves: they stay in the directory
     * (ids, history) but cannot sign in, and the Open API refuses them as receivers (230029 and
     * friends). Resigning twice is harmless.
     */
    @Transactional
    public User resign(String tenantKey, String userId) {
        var user = findByUserId(tenantKey, userId).orElseThrow(() -> DirectoryErrors.notFound("user " + userId));
        if (!user.resigned()) {
            users.resign(user.pk());
        }
        return findByUserId(tenantKey, userId).orElseThrow();
    }

    public Optional<User> findByUserId(String tenantKey, String userId) {
        return tenants.findByKey(tenantKey).flatMap(t -> users.findByUserId(t.pk(), userId));
    }

    /** The user that an app names by {@code id} of the given type, within the app's tenant. */
    public Optional<User> resolve(long appPk, long tenantPk, UserIdType type, String id) {
        return switch (type) {
            case OPEN_ID -> users.findByOpenId(appPk, tenantPk, id);
            case UNION_ID -> users.findByUnionId(tenantPk, id);
            case USER_ID -> users.findByUserId(tenantPk, id);
        };
    }

    /**
     * The person an id names in any tenant, to tell "no such person" from "a person of another
     * tenant" (230038 on a p2p send). {@code user_id}s are tenant-scoped, so they find no one here.
     */
    public Optional<User> resolveInAnyTenant(long appPk, UserIdType type, String id) {
        return switch (type) {
            case OPEN_ID -> users.findByOpenIdInAnyTenant(appPk, id);
            case UNION_ID -> users.findByUnionIdInAnyTenant(id);
            case USER_ID -> Optional.empty();
        };
    }

    /** For operators: the user's open_id in every app of its tenant, by {@code app_id}. */
    public Map<String, String> openIdsByApp(User user) {
        return users.openIdsByApp(user.pk());
    }

    /**
     * Many users by ids of one type, as the app names them, in one query. The map is keyed by the
     * id given; ids that name no one in the tenant are absent.
     */
    public Map<String, User> resolveAll(long appPk, long tenantPk, UserIdType type, Collection<String> ids) {
        var distinct = new LinkedHashSet<>(ids);
        List<User> found =
                switch (type) {
                    case OPEN_ID -> users.findByOpenIds(appPk, tenantPk, distinct);
                    case UNION_ID -> users.findByIds(tenantPk, "union_id", distinct);
                    case USER_ID -> users.findByIds(tenantPk, "user_id", distinct);
                };
        var result = new HashMap<String, User>();
        if (type == UserIdType.OPEN_ID) {
            var openIdsByPk = openIds.of(appPk, found.stream().map(User::pk).toList());
            found.forEach(u -> result.put(openIdsByPk.get(u.pk()), u));
        } else {
            found.forEach(u -> result.put(type == UserIdType.UNION_ID ? u.unionId() : u.userId(), u));
        }
        return result;
    }

    public List<User> findByPks(Collection<Long> pks) {
        return users.findByPks(pks);
    }

    /** The app's open_id of each of these users that has one, keyed by user pk. */
    public Map<Long, String> openIdsOf(long appPk, Collection<Long> userPks) {
        return openIds.of(appPk, List.copyOf(userPks));
    }

    /** The id of each user as the app sees it in the given id type, keyed by user pk. */
    public Map<Long, String> idsAsSeenBy(long appPk, Collection<User> found, UserIdType type) {
        var pks = found.stream().map(User::pk).toList();
        return switch (type) {
            case OPEN_ID -> openIds.of(appPk, pks);
            case UNION_ID -> found.stream().collect(Collectors.toMap(User::pk, User::unionId, (a, b) -> a));
            case USER_ID -> found.stream().collect(Collectors.toMap(User::pk, User::userId, (a, b) -> a));
        };
    }

    public List<User> findByEmails(long tenantPk, List<String> emails) {
        return users.findByEmails(tenantPk, emails);
    }

    public List<User> findByMobiles(long tenantPk, List<String> normalizedMobiles) {
        return users.findByMobiles(tenantPk, normalizedMobiles);
    }

    private List<Long> departmentPks(long tenantPk, List<String> departmentIds) {
        var result = new ArrayList<Long>();
        for (String id : departmentIds == null ? List.<String>of() : departmentIds) {
            result.add(departments
                    .findPk(tenantPk, id)
                    .orElseThrow(() -> DirectoryErrors.invalid("unknown department_id " + id)));
        }
        return result;
    }
}
