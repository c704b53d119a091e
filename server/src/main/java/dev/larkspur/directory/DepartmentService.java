package dev.larkspur.directory;

import dev.larkspur.directory.internal.DepartmentRepository;
import dev.larkspur.directory.internal.TenantRepository;
import dev.larkspur.directory.internal.UserRepository;
import dev.larkspur.platform.Ids;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's departments, for operators: list them, make one, put a person in some. Larkspur's
 * departments are flat (no sub-departments); a person may be in several, as in Feishu.
 */
@Service
public class DepartmentService {
    private static final Pattern DEPARTMENT_ID = Pattern.compile("[A-Za-z0-9_\\-.@]{1,64}");
    private final TenantRepository tenants;
    private final DepartmentRepository departments;
    private final UserRepository users;

    DepartmentService(TenantRepository tenants, DepartmentRepository departments, UserRepository users) {
        this.tenants = tenants;
        this.departments = departments;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public List<Department> list(String tenantKey) {
        return departments.ofTenant(tenant(tenantKey).pk());
    }

    /** A new department; without a {@code departmentId} one is made up. */
    @Transactional
    public Department create(String tenantKey, String departmentId, String name) {
        var tenant = tenant(tenantKey);
        String id = departmentId == null || departmentId.isBlank() ? "d" + Ids.hex(8) : departmentId.strip();
        if (!DEPARTMENT_ID.matcher(id).matches()) {
            throw DirectoryErrors.invalid("department_id must be 1 to 64 letters, digits or _-.@");
        }
        if (name == null || name.isBlank() || name.strip().length() > 255) {
            throw DirectoryErrors.invalid("name is required, at most 255 characters");
        }
        if (departments.findPk(tenant.pk(), id).isPresent()) {
            throw DirectoryErrors.conflict("department " + id + " already exists in tenant " + tenantKey);
        }
        departments.insert(tenant.pk(), id, "od-" + Ids.hex(32), name.strip());
        return departments.ofTenant(tenant.pk()).stream()
                .filter(d -> d.departmentId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Puts the person in exactly these departments (none: out of every one). */
    @Transactional
    public User assign(String tenantKey, String userId, List<String> departmentIds) {
        var tenant = tenant(tenantKey);
        var user =
                users.findByUserId(tenant.pk(), userId).orElseThrow(() -> DirectoryErrors.notFound("user " + userId));
        var pks = new ArrayList<Long>();
        for (String id : new LinkedHashSet<>(departmentIds == null ? List.<String>of() : departmentIds)) {
            pks.add(departments
                    .findPk(tenant.pk(), id)
                    .orElseThrow(() -> DirectoryErrors.invalid("unknown department_id " + id)));
        }
        users.replaceDepartments(user.pk(), pks);
        return users.findByUserId(tenant.pk(), userId).orElseThrow();
    }

    private Tenant tenant(String tenantKey) {
        return tenants.findByKey(tenantKey).orElseThrow(() -> DirectoryErrors.notFound("tenant " + tenantKey));
    }
}
