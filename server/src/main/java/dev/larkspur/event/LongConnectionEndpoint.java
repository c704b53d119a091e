package dev.larkspur.event;

import dev.larkspur.directory.AppService;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /callback/ws/endpoint}: checks the app's credentials and room for one more connection,
 * and answers with the WebSocket URL (a single-use ticket inside) and the ClientConfig
 * (spec/protocols.md §4.2–4.4).
 */
@Service
public class LongConnectionEndpoint {
    private final AppService apps;
    private final LongConnections connections;
    private final LongConnectionProperties props;

    LongConnectionEndpoint(AppService apps, LongConnections connections, LongConnectionProperties props) {
        this.apps = apps;
        this.connections = connections;
        this.props = props;
    }

    /** Where to connect and how the client should behave. */
    public record Endpoint(String url, Map<String, Integer> clientConfig) {}

    /**
     * {@code socketBase} is the server as the client reached it ({@code ws://host:port}), so that the
     * URL works through whatever name or proxy the client used.
     */
    public Endpoint open(String appId, String appSecret, String socketBase) {
        if (appId == null || appSecret == null || appId.isBlank() || appSecret.isEmpty()) {
            throw LongConnectionRefused.authFailed("AppID and AppSecret are required");
        }
        var app = apps.verifySecret(appId.strip(), appSecret)
                .orElseThrow(() -> LongConnectionRefused.authFailed("the app does not exist or its secret is wrong"));
        connections.checkRoom(app.pk());
        var ticket = connections.ticket(app.pk());
        // device_id and service_id must not come first: the Node SDK parses the whole URL as a
        // query string, which glues the first key to the path (§4.4).
        String url = UriComponentsBuilder.fromUriString(socketBase)
                .path("/ws/v2")
                .queryParam("fpid", 1)
                .queryParam("device_id", ticket.deviceId())
                .queryParam("service_id", ticket.serviceId())
                .queryParam("ticket", ticket.value())
                .build()
                .toUriString();
        return new Endpoint(url, props.clientConfig());
    }
}
