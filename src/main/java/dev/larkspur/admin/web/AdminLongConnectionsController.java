package dev.larkspur.admin.web;

import dev.larkspur.directory.AppService;
import dev.larkspur.event.LongConnections;
import dev.larkspur.platform.ApiResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An app's live long connections on this instance, for operators and for tests that wait on them. */
@RestController
class AdminLongConnectionsController {
    private final AppService apps;
    private final LongConnections connections;

    AdminLongConnectionsController(AppService apps, LongConnections connections) {
        this.apps = apps;
        this.connections = connections;
    }

    record ConnectionView(String deviceId, String connectedAt, String lastSeenAt) {}

    record ConnectionsView(List<ConnectionView> items) {}

    @GetMapping("/admin/v1/apps/{app_id}/connections")
    ApiResponse<ConnectionsView> list(@PathVariable("app_id") String appId) {
        var app = apps.get(appId);
        return ApiResponse.success(new ConnectionsView(connections.of(app.pk()).stream()
                .map(c -> new ConnectionView(
                        c.deviceId(), String.valueOf(c.connectedAt()), String.valueOf(c.lastSeenAt())))
                .toList()));
    }
}
