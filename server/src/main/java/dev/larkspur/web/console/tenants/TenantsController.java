package dev.larkspur.web.console.tenants;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.TenantService;
import dev.larkspur.web.console.ConsoleForms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Tenants: list, create, rename (the admin API's {@code /admin/v1/tenants}). */
@Controller
class TenantsController {
    private static final String PAGE = "/console/tenants";
    private final TenantService tenants;
    private final AppService apps;

    TenantsController(TenantService tenants, AppService apps) {
        this.tenants = tenants;
        this.apps = apps;
    }

    record TenantRow(String tenantKey, String name, int apps) {}

    @GetMapping(PAGE)
    String list(Model model) {
        model.addAttribute(
                "tenants",
                tenants.list().stream()
                        .map(t -> new TenantRow(
                                t.tenantKey(),
                                t.name(),
                                apps.list(t.tenantKey()).size()))
                        .toList());
        return "web/console/tenants";
    }

    @PostMapping(PAGE)
    String create(
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "tenant_key", defaultValue = "") String tenantKey,
            RedirectAttributes flash) {
        return ConsoleForms.act(flash, PAGE, () -> {
            var created = tenants.create(tenantKey.isBlank() ? null : tenantKey.strip(), name);
            return "Tenant " + created.name() + " created with key " + created.tenantKey() + ".";
        });
    }

    @PostMapping(PAGE + "/{tenant_key}/name")
    String rename(
            @PathVariable("tenant_key") String tenantKey,
            @RequestParam(name = "name", defaultValue = "") String name,
            RedirectAttributes flash) {
        return ConsoleForms.act(
                flash,
                PAGE,
                () -> "Renamed to " + tenants.rename(tenantKey, name).name() + ".");
    }
}
