package dev.larkspur.event;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery by long connection: the envelope, unencrypted, to one live connection of the app, and
 * its ACK (spec/protocols.md §4.7, §4.9). A failed ACK, none in time, or no live connection ("app
 * not online") is a failed attempt. Instances wake each other on new deliveries, so the instance
 * holding an app's connection claims its events first; the others take them after a grace, to
 * record that no instance could push them.
 */
@Component
class LongConnectionTransport implements DeliveryTransport {
    private final LongConnectionPush push;
    private final LongConnections connections;
    private final JsonMapper json;
    private final Duration unclaimedGrace;

    LongConnectionTransport(
            LongConnectionPush push, LongConnections connections, JsonMapper json, LongConnectionProperties props) {
        this.push = push;
        this.connections = connections;
        this.json = json;
        this.unclaimedGrace = props.unclaimedGrace();
    }

    @Override
    public String mode() {
        return EventSettings.WEBSOCKET;
    }

    @Override
    public Collection<Long> preferredApps() {
        return connections.connectedApps();
    }

    @Override
    public Duration unclaimedGrace() {
        return unclaimedGrace;
    }

    @Override
    public CompletableFuture<PushOutcome> pushAsync(Push p) {
        return push.pushAsync(p.app().pk(), p.event().eventId(), json.writeValueAsBytes(p.envelope()))
                .thenApply(outcome -> outcome.ok()
                        ? PushOutcome.delivered(outcome.latencyMs())
                        : PushOutcome.failed(outcome.code(), outcome.latencyMs(), outcome.error()));
    }
}
