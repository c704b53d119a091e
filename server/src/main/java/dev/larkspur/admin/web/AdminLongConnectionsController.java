package dev.larkspur.admin.web;

import dev.larkspur.directory.AppService;
import dev.larkspur.event.LongConnectionModes;
import dev.larkspur.event.LongConnections;
import dev.larkspur.platform.ApiResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An app's live long connections on this instance, for operators and for tests that wait on them,
 * with where the app's events go: a connection of an app in callback mode gets none.
 */
@RestController
class AdminLongConnectionsController {
    private final AppService apps;
    private final LongConnections connections;
    private final LongConnectionModes modes;

    AdminLongConnectionsController(AppService apps, LongConnections connections, LongConnectionModes modes) {
        this.apps = apps;
        this.connections = connections;
        this.modes = modes;
    }

    record ConnectionView(String deviceId, String connectedAt, String lastSeenAt) {}

    /** {@code mode}: where events go; {@code warning} (only when they don't come here) says why. */
    record ConnectionsView(String mode, String warning, List<ConnectionView> items) {}

    @GetMapping("/admin/v1/apps/{app_id}/connections")
    ApiResponse<ConnectionsView> list(@PathVariable("app_id") String appId) {
        var app = apps.get(appId);
        var mode = modes.of(app);
        return ApiResponse.success(new ConnectionsView(
                mode.mode(),
                mode.warning(),
                connections.of(app.pk()).stream()
                        .map(c -> new ConnectionView(
                                c.deviceId(), String.valueOf(c.connectedAt()), String.valueOf(c.lastSeenAt())))
                        .toList()));
    }
}
