package dev.larkspur.admin.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.event.DeliveredEvents;
import dev.larkspur.event.DeliveryInspector;
import dev.larkspur.event.EventSettings;
import dev.larkspur.event.EventSettingsService;
import dev.larkspur.platform.ApiResponse;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** An app's event settings, and the delivery inspector with replay. */
@RestController
@RequestMapping("/admin/v1")
class AdminEventSettingsController {
    private final AppService apps;
    private final EventSettingsService settings;
    private final DeliveryInspector inspector;
    private final DeliveredEvents events;

    AdminEventSettingsController(
            AppService apps, EventSettingsService settings, DeliveryInspector inspector, DeliveredEvents events) {
        this.apps = apps;
        this.settings = settings;
        this.inspector = inspector;
        this.events = events;
    }

    record SettingsBody(
            String mode, String requestUrl, String verificationToken, String encryptKey, List<String> eventTypes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SettingsView(
            String mode, String requestUrl, String verificationToken, String encryptKey, List<String> eventTypes) {
        static SettingsView of(EventSettings s) {
            return new SettingsView(
                    s.mode(),
                    s.requestUrl(),
                    s.verificationToken(),
                    s.encryptKey(),
                    s.eventTypes() == null ? null : List.copyOf(s.eventTypes()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttemptView(int attempt, String at, Integer statusCode, long latencyMs, String error) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryView(
            String deliveryId,
            String eventId,
            String eventType,
            String mode,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Integer lastLatencyMs,
            String createdAt,
            String deliveredAt,
            List<AttemptView> attemptLog) {
        static DeliveryView of(DeliveryInspector.Inspected i) {
            var d = i.delivery();
            return new DeliveryView(
                    String.valueOf(d.pk()),
                    i.eventId(),
                    i.eventType(),
                    d.mode(),
                    d.status(),
                    d.attempts(),
                    d.lastStatus(),
                    d.lastError(),
                    d.lastLatencyMs(),
                    String.valueOf(d.createdAt()),
                    d.deliveredAt() == null ? null : String.valueOf(d.deliveredAt()),
                    i.attempts().stream()
                            .map(a -> new AttemptView(
                                    a.attempt(), String.valueOf(a.at()), a.statusCode(), a.latencyMs(), a.error()))
                            .toList());
        }
    }

    @GetMapping("/apps/{app_id}/event_settings")
    ApiResponse<SettingsView> get(@PathVariable("app_id") String appId) {
        var app = apps.get(appId);
        return ApiResponse.success(settings.find(app.pk())
                .map(SettingsView::of)
                .orElseThrow(() -> DirectoryErrors.notFound("event settings of " + appId)));
    }

    /** Partial: omitted fields keep their value; a new request URL must pass url_verification. */
    @PutMapping("/apps/{app_id}/event_settings")
    ApiResponse<SettingsView> put(
            @PathVariable("app_id") String appId, @RequestBody(required = false) SettingsBody body) {
        var b = body == null ? new SettingsBody(null, null, null, null, null) : body;
        var app = apps.get(appId);
        var saved = settings.configure(
                app,
                new EventSettingsService.Change(
                        b.mode(),
                        b.requestUrl(),
                        b.verificationToken(),
                        b.encryptKey(),
                        b.eventTypes() == null ? null : new LinkedHashSet<>(b.eventTypes())));
        return ApiResponse.success(SettingsView.of(saved));
    }

    @GetMapping("/apps/{app_id}/deliveries")
    ApiResponse<AdminViews.Page<DeliveryView>> deliveries(
            @PathVariable("app_id") String appId,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(name = "start_time", required = false) Long startTime,
            @RequestParam(name = "end_time", required = false) Long endTime,
            @RequestParam(name = "page_size", defaultValue = "50") int pageSize,
            @RequestParam(name = "page_token", required = false) String pageToken) {
        var app = apps.get(appId);
        int size = Math.max(1, Math.min(pageSize, 500));
        var filter = new DeliveryInspector.Filter(app.pk(), status, eventType, startTime, endTime);
        var page = inspector.search(filter, pageToken, size);
        return ApiResponse.success(new AdminViews.Page<>(
                page.items().stream().map(DeliveryView::of).toList(), page.hasMore(), page.nextPageToken()));
    }

    @GetMapping("/deliveries/{delivery_id}")
    ApiResponse<DeliveryView> delivery(@PathVariable("delivery_id") long deliveryId) {
        return ApiResponse.success(inspector
                .find(deliveryId)
                .map(DeliveryView::of)
                .orElseThrow(() -> DirectoryErrors.notFound("delivery " + deliveryId)));
    }

    /** The delivery's event as its app receives it (before encryption). */
    @GetMapping("/deliveries/{delivery_id}/event")
    ApiResponse<ObjectNode> deliveredEvent(@PathVariable("delivery_id") long deliveryId) {
        return ApiResponse.success(
                events.of(deliveryId).orElseThrow(() -> DirectoryErrors.notFound("delivery " + deliveryId)));
    }

    @PostMapping("/deliveries/{delivery_id}/replay")
    ApiResponse<DeliveryView> replay(@PathVariable("delivery_id") long deliveryId) {
        if (!inspector.replay(deliveryId)) {
            throw DirectoryErrors.notFound("delivery " + deliveryId);
        }
        return ApiResponse.success(
                inspector.find(deliveryId).map(DeliveryView::of).orElseThrow());
    }
}
