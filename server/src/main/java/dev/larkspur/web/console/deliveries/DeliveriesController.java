package dev.larkspur.web.console.deliveries;

import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.TenantService;
import dev.larkspur.event.DeliveryInspector;
import dev.larkspur.event.EventType;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The delivery inspector's list: one app's deliveries, newest first, paged by key and narrowed by
 * status, event type and time, from the service behind {@code GET /admin/v1/apps/{id}/deliveries}.
 */
@Controller
class DeliveriesController {
    static final int PAGE_SIZE = 25;
    static final List<String> STATUSES = List.of("pending", "delivered", "failed");
    private final TenantService tenants;
    private final AppService apps;
    private final DeliveryInspector inspector;

    DeliveriesController(TenantService tenants, AppService apps, DeliveryInspector inspector) {
        this.tenants = tenants;
        this.apps = apps;
        this.inspector = inspector;
    }

    @GetMapping("/console/deliveries")
    String list(
            @RequestParam(name = "app", required = false) String appId,
            @RequestParam(name = "status", defaultValue = "") String status,
            @RequestParam(name = "type", defaultValue = "") String type,
            @RequestParam(name = "from", defaultValue = "") String from,
            @RequestParam(name = "to", defaultValue = "") String to,
            @RequestParam(name = "before", required = false) String before,
            Model model) {
        List<App> all = tenants.list().stream()
                .flatMap(t -> apps.list(t.tenantKey()).stream())
                .toList();
        model.addAttribute("apps", all);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("types", EventType.SUBSCRIBABLE);
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (all.isEmpty()) {
            return "web/console/deliveries";
        }
        var app = appId == null || appId.isBlank() ? all.get(0) : apps.get(appId);
        model.addAttribute("app", app);
        var filter = new DeliveryInspector.Filter(
                app.pk(),
                status.isBlank() ? null : status,
                type.isBlank() ? null : type,
                TimeFilter.millis("from", from),
                TimeFilter.millis("to", to));
        var page = inspector.search(filter, before, PAGE_SIZE);
        model.addAttribute(
                "deliveries", page.items().stream().map(DeliveryRow::of).toList());
        model.addAttribute("paged", before != null);
        model.addAttribute(
                "first", query(app.appId(), status, type, from, to).encode().toUriString());
        model.addAttribute(
                "next",
                page.hasMore()
                        ? query(app.appId(), status, type, from, to)
                                .queryParam("before", page.nextPageToken())
                                .encode()
                                .toUriString()
                        : null);
        return "web/console/deliveries";
    }

    private static UriComponentsBuilder query(String appId, String status, String type, String from, String to) {
        return UriComponentsBuilder.fromPath("/console/deliveries")
                .queryParam("app", appId)
                .queryParam("status", status)
                .queryParam("type", type)
                .queryParam("from", from)
                .queryParam("to", to);
    }
}
