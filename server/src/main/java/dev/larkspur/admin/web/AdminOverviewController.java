package dev.larkspur.admin.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkspur.event.EventOverview;
import dev.larkspur.platform.ApiResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether events keep up, as the console's overview shows it: rates over the last seconds on the
 * instance answering, the fan-out backlog and failing deliveries of the whole database, the apps
 * connected here and the last failed pushes.
 */
@RestController
class AdminOverviewController {
    private final EventOverview overview;

    AdminOverviewController(EventOverview overview) {
        this.overview = overview;
    }

    record Totals(long eventsRecorded, long deliveriesFannedOut, long deliveriesDelivered, long deliveriesFailed) {}

    record Failing(long retrying, long failed) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorView(
            String at,
            String deliveryId,
            String appId,
            String eventType,
            int attempt,
            Integer statusCode,
            String error) {}

    record OverviewView(
            int windowSeconds,
            double eventsRecordedPerSecond,
            double deliveriesFannedOutPerSecond,
            double deliveriesDeliveredPerSecond,
            double deliveriesFailedPerSecond,
            Totals totals,
            long backlog,
            Failing failingDeliveries,
            List<EventOverview.AppConnections> connections,
            List<ErrorView> lastErrors) {}

    @GetMapping("/admin/v1/overview")
    ApiResponse<OverviewView> overview() {
        var o = overview.now();
        var r = o.rates();
        return ApiResponse.success(new OverviewView(
                o.windowSeconds(),
                r.recordedPerSecond(),
                r.fannedOutPerSecond(),
                r.deliveredPerSecond(),
                r.failedPerSecond(),
                new Totals(r.recordedTotal(), r.fannedOutTotal(), r.deliveredTotal(), r.failedTotal()),
                o.backlog(),
                new Failing(o.retrying(), o.failed()),
                o.connections(),
                o.lastErrors().stream()
                        .map(e -> new ErrorView(
                                String.valueOf(e.at()),
                                String.valueOf(e.deliveryPk()),
                                e.appId(),
                                e.eventType(),
                                e.attempt(),
                                e.statusCode(),
                                e.error()))
                        .toList()));
    }
}
