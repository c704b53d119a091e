package dev.larkspur.admin.web;

import dev.larkspur.admin.web.AdminViews.UserView;
import dev.larkspur.directory.Department;
import dev.larkspur.directory.DepartmentService;
import dev.larkspur.platform.ApiResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's departments, which batch sends address ({@code department_ids}) and contact answers
 * list: make them, list them, and put people in them.
 */
@RestController
@RequestMapping("/admin/v1/tenants/{tenant_key}")
class AdminDepartmentsController {
    private final DepartmentService departments;

    AdminDepartmentsController(DepartmentService departments) {
        this.departments = departments;
    }

    record DepartmentBody(String name, String departmentId) {}

    record MembershipBody(List<String> departmentIds) {}

    @GetMapping("/departments")
    ApiResponse<AdminViews.Page<Department>> list(@PathVariable("tenant_key") String tenantKey) {
        return ApiResponse.success(new AdminViews.Page<>(departments.list(tenantKey), false, null));
    }

    @PostMapping("/departments")
    ApiResponse<Department> create(
            @PathVariable("tenant_key") String tenantKey, @RequestBody(required = false) DepartmentBody body) {
        var b = body == null ? new DepartmentBody(null, null) : body;
        return ApiResponse.success(departments.create(tenantKey, b.departmentId(), b.name()));
    }

    /** The person's departments become exactly these. */
    @PutMapping("/users/{user_id}/departments")
    ApiResponse<UserView> assign(
            @PathVariable("tenant_key") String tenantKey,
            @PathVariable("user_id") String userId,
            @RequestBody(required = false) MembershipBody body) {
        var user = departments.assign(tenantKey, userId, body == null ? null : body.departmentIds());
        return ApiResponse.success(UserView.of(user, null));
    }
}
