package dev.larkspur.web.console;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.TenantService;
import dev.larkspur.event.EventOverview;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's first page: whether events keep up ({@code GET /admin/v1/overview}'s numbers) and
 * the tenants this server holds.
 */
@Controller
class OverviewController {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private final TenantService tenants;
    private final AppService apps;
    private final EventOverview overview;

    OverviewController(TenantService tenants, AppService apps, EventOverview overview) {
        this.tenants = tenants;
        this.apps = apps;
        this.overview = overview;
    }

    record TenantLine(String tenantKey, String name, int apps) {}

    record ErrorLine(
            String at, long deliveryPk, String appId, String eventType, int attempt, Integer statusCode, String error) {
        static ErrorLine of(EventOverview.LastError e) {
            return new ErrorLine(
                    UTC.format(Instant.ofEpochMilli(e.at())),
                    e.deliveryPk(),
                    e.appId(),
                    e.eventType(),
                    e.attempt(),
                    e.statusCode(),
                    e.error());
        }
    }

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

    /**
     * The numbers alone, which the overview page fetches again every two seconds (htmx): a small
     * fragment polled keeps no connection open per operator, and the rates are averages over ten
     * seconds anyway, so a push the moment one changes would show nothing more.
     */
    @GetMapping("/console/overview/stats")
    String stats(Model model) {
        addStats(model);
        return "web/console/overview :: stats";
    }

    private void addStats(Model model) {
        var now = overview.now();
        model.addAttribute("tenantCount", tenants.list().size());
        model.addAttribute("o", now);
        model.addAttribute(
                "lastErrors", now.lastErrors().stream().map(ErrorLine::of).toList());
    }
}
