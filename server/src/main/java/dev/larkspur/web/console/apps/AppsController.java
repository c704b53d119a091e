package dev.larkspur.web.console.apps;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.CreatedApp;
import dev.larkspur.directory.NewApp;
import dev.larkspur.directory.TenantService;
import dev.larkspur.platform.FeishuException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A tenant's apps: list and create. The credentials of a new app, and a reset secret, are rendered
 * into that one answer (not redirected to, not kept): the secret is stored hashed and never shown again.
 */
@Controller
class AppsController {
    private final TenantService tenants;
    private final AppService apps;

    AppsController(TenantService tenants, AppService apps) {
        this.tenants = tenants;
        this.apps = apps;
    }

    @GetMapping("/console/apps")
    String list(@RequestParam(name = "tenant", required = false) String tenantKey, Model model) {
        var all = tenants.list();
        model.addAttribute("tenants", all);
        if (!all.isEmpty()) {
            var tenant = tenantKey == null ? all.get(0) : tenants.get(tenantKey);
            model.addAttribute("tenant", tenant);
            model.addAttribute("apps", apps.list(tenant.tenantKey()));
        }
        return "web/console/apps";
    }

    @PostMapping("/console/apps/{tenant_key}")
    String create(
            @PathVariable("tenant_key") String tenantKey,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "bot", defaultValue = "false") boolean bot,
            Model model) {
        try {
            return shown(apps.create(tenantKey, new NewApp(name, null, null, null, bot)), "created", model);
        } catch (FeishuException refused) {
            model.addAttribute("error", refused.getMessage());
            return list(tenantKey, model);
        }
    }

    @PostMapping("/console/apps/{app_id}/secret")
    String resetSecret(@PathVariable("app_id") String appId, Model model) {
        return shown(apps.resetSecret(appId), "reset", model);
    }

    private static String shown(CreatedApp created, String what, Model model) {
        model.addAttribute("app", created.app());
        model.addAttribute("secret", created.appSecret());
        model.addAttribute("what", what);
        return "web/console/app-credentials";
    }
}
