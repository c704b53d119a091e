package dev.larkspur.web.console.people;

import dev.larkspur.directory.DepartmentRef;
import dev.larkspur.directory.DepartmentService;
import dev.larkspur.directory.NewUser;
import dev.larkspur.directory.PasswordService;
import dev.larkspur.directory.TenantService;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.Ids;
import dev.larkspur.platform.PageTokens;
import dev.larkspur.web.console.ConsoleForms;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A tenant's people, searched and paged by key like {@code GET /admin/v1/tenants/{key}/users}:
 * create, set or generate a password, resign; and the tenant's departments, which people are put
 * in ({@code …/departments} of the admin API).
 */
@Controller
class PeopleController {
    static final int PAGE_SIZE = 20;
    private final TenantService tenants;
    private final UserService users;
    private final PasswordService passwords;
    private final DepartmentService departments;

    PeopleController(
            TenantService tenants, UserService users, PasswordService passwords, DepartmentService departments) {
        this.tenants = tenants;
        this.users = users;
        this.passwords = passwords;
        this.departments = departments;
    }

    record PersonRow(
            String userId, String name, String email, String mobile, List<String> departments, boolean resigned) {
        static PersonRow of(User u) {
            return new PersonRow(
                    u.userId(),
                    u.name(),
                    u.email(),
                    u.mobile(),
                    u.departments().stream().map(DepartmentRef::departmentId).toList(),
                    u.resigned());
        }
    }

    @GetMapping("/console/people")
    String list(
            @RequestParam(name = "tenant", required = false) String tenantKey,
            @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(name = "after", required = false) String after,
            Model model) {
        var all = tenants.list();
        model.addAttribute("tenants", all);
        if (all.isEmpty()) {
            return "web/console/people";
        }
        var tenant = tenantKey == null ? all.get(0) : tenants.get(tenantKey);
        var rows = users.search(tenant.tenantKey(), query, PageTokens.decodeLong(after, "user", 0), PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        var shown = more ? rows.subList(0, PAGE_SIZE) : rows;
        model.addAttribute("tenant", tenant);
        model.addAttribute("departments", departments.list(tenant.tenantKey()));
        model.addAttribute("q", query);
        model.addAttribute("people", shown.stream().map(PersonRow::of).toList());
        model.addAttribute("paged", after != null);
        model.addAttribute(
                "next",
                more
                        ? UriComponentsBuilder.fromPath("/console/people")
                                .queryParam("tenant", tenant.tenantKey())
                                .queryParam("q", query)
                                .queryParam(
                                        "after",
                                        PageTokens.encode(
                                                "user", shown.get(PAGE_SIZE - 1).pk()))
                                .encode()
                                .toUriString()
                        : null);
        return "web/console/people";
    }

    @PostMapping("/console/people/{tenant_key}")
    String create(
            @PathVariable("tenant_key") String tenantKey,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "user_id", defaultValue = "") String userId,
            @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "mobile", defaultValue = "") String mobile,
            @RequestParam(name = "password", defaultValue = "") String password,
            RedirectAttributes flash) {
        return ConsoleForms.act(flash, page(tenantKey), () -> {
            var user = passwords.createUser(
                    tenantKey,
                    new NewUser(name, null, blankToNull(email), blankToNull(mobile), blankToNull(userId), null),
                    blankToNull(password));
            return user.name() + " (" + user.userId() + ") created.";
        });
    }

    /** A blank password generates one, shown in this notice only. */
    @PostMapping("/console/people/{tenant_key}/{user_id}/password")
    String setPassword(
            @PathVariable("tenant_key") String tenantKey,
            @PathVariable("user_id") String userId,
            @RequestParam(name = "password", defaultValue = "") String password,
            RedirectAttributes flash) {
        return ConsoleForms.act(flash, page(tenantKey), () -> {
            if (password.isBlank()) {
                String generated = Ids.secret().substring(0, 16);
                passwords.set(tenantKey, userId, generated);
                return "New password for " + userId + ": " + generated + " (shown only now).";
            }
            passwords.set(tenantKey, userId, password);
            return "Password of " + userId + " set.";
        });
    }

    @PostMapping("/console/people/{tenant_key}/{user_id}/resign")
    String resign(
            @PathVariable("tenant_key") String tenantKey,
            @PathVariable("user_id") String userId,
            RedirectAttributes flash) {
        return ConsoleForms.act(
                flash,
                page(tenantKey),
                () -> users.resign(tenantKey, userId).name() + " has resigned: no sign-in, no messages to them.");
    }

    @PostMapping("/console/people/{tenant_key}/departments")
    String createDepartment(
            @PathVariable("tenant_key") String tenantKey,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "department_id", defaultValue = "") String departmentId,
            RedirectAttributes flash) {
        return ConsoleForms.act(flash, page(tenantKey), () -> {
            var made = departments.create(tenantKey, blankToNull(departmentId), name);
            return "Department " + made.name() + " (" + made.departmentId() + ") created.";
        });
    }

    /** The person's departments become exactly the boxes ticked. */
    @PostMapping("/console/people/{tenant_key}/{user_id}/departments")
    String assign(
            @PathVariable("tenant_key") String tenantKey,
            @PathVariable("user_id") String userId,
            @RequestParam(name = "department_id", required = false) List<String> departmentIds,
            RedirectAttributes flash) {
        return ConsoleForms.act(flash, page(tenantKey), () -> {
            var user = departments.assign(tenantKey, userId, departmentIds == null ? List.of() : departmentIds);
            return user.departments().isEmpty()
                    ? user.name() + " is in no department."
                    : user.name() + " is in "
                            + String.join(
                                    ", ",
                                    user.departments().stream()
                                            .map(DepartmentRef::departmentId)
                                            .toList())
                            + ".";
        });
    }

    private static String page(String tenantKey) {
        return UriComponentsBuilder.fromPath("/console/people")
                .queryParam("tenant", tenantKey)
                .encode()
                .toUriString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
