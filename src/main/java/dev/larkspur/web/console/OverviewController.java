package dev.larkspur.web.console;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.TenantService;
import dev.larkspur.event.LongConnections;
import dev.larkspur.event.Outbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's first page: what this server holds and whether events keep up. */
@Controller
class OverviewController {
    private final TenantService tenants;
    private final AppService apps;
    private final Outbox outbox;
    private final LongConnections connections;

    OverviewController(TenantService tenants, AppService apps, Outbox outbox, LongConnections connections) {
        this.tenants = tenants;
        this.apps = apps;
        this.outbox = outbox;
        this.connections = connections;
    }

    record TenantLine(String tenantKey, String name, int apps) {}

    @GetMapping("/console")
    String overview(Model model) {
        var lines = tenants.list().stream()
                .map(t -> new TenantLine(
                        t.tenantKey(), t.name(), apps.list(t.tenantKey()).size()))
                .toList();
        model.addAttribute("tenants", lines);
        addStats(model);
        return "web/console/overview";
    }

    /** The numbers alone, which the overview page fetches again every five seconds (htmx). */
    @GetMapping("/console/overview/stats")
    String stats(Model model) {
        addStats(model);
        return "web/console/overview :: stats";
    }

    private void addStats(Model model) {
        model.addAttribute("tenantCount", tenants.list().size());
        model.addAttribute("backlog", outbox.backlog());
        model.addAttribute("connectedApps", connections.connectedApps().size());
    }
}
