package dev.larkspur.event;

import dev.larkspur.event.internal.Frame;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live long connections of this instance, by app: admission at the handshake (a ticket, at most
 * {@code max-connections} per app and {@code max-total-connections} in all, counting handshakes in
 * progress), pings answered with the full ClientConfig, ACKs handed to the pushes that wait for
 * them, and silent connections closed.
 */
@Component
public class LongConnections {
    private static final Logger log = LoggerFactory.getLogger(LongConnections.class);
    /** A handshake admitted but never opened gives its place back after this long. */
    private static final long RESERVATION_NANOS = 10_000_000_000L;

    private final ConnectionTickets tickets;
    private final PendingAcks acks;
    private final LongConnectionProperties props;
    private final Clock clock;
    private final DeliveryFaults faults;
    private final byte[] clientConfig;
    private final Map<Long, AppConnections> byApp = new ConcurrentHashMap<>();
    private final Object admissions = new Object();

    LongConnections(
            ConnectionTickets tickets,
            PendingAcks acks,
            LongConnectionProperties props,
            JsonMapper json,
            Clock clock,
            DeliveryFaults faults) {
        this.tickets = tickets;
        this.acks = acks;
        this.props = props;
        this.clock = clock;
        this.faults = faults;
        this.clientConfig = json.writeValueAsBytes(props.clientConfig());
    }

    /** Who a handshake is: the app, the connection's device id and the service id its pings carry. */
    public record Admission(long appPk, String deviceId, int serviceId) {}

    /** An open connection, for a push. */
    public record Connected(Admission admission, LiveConnection socket) {}

    /** What an operator sees of one connection. */
    public record Info(String deviceId, long connectedAt, long lastSeenAt) {}

    private static final class Entry {
        final Connected connected;
        final long connectedAt;
        volatile long lastSeenNanos = System.nanoTime();
        volatile long lastSeenAt;

        Entry(Connected connected, long now) {
            this.connected = connected;
            this.connectedAt = now;
            this.lastSeenAt = now;
        }
    }

    /** One app's connections and the places reserved by handshakes under way. */
    private static final class AppConnections {
        final Map<String, Entry> live = new LinkedHashMap<>();
        final Map<String, Long> reserved = new LinkedHashMap<>();

        int used() {
            return live.size() + reserved.size();
        }
    }

    /** The apps with at least one live connection to this instance. */
    public List<Long> connectedApps() {
        var result = new java.util.ArrayList<Long>();
        byApp.forEach((appPk, app) -> {
            synchronized (app) {
                if (!app.live.isEmpty()) {
                    result.add(appPk);
                }
            }
        });
        return result;
    }

    public int count(long appPk) {
        var app = byApp.get(appPk);
        if (app == null) {
            return 0;
        }
        synchronized (app) {
            return app.used();
        }
    }

    /** At the endpoint: refuses an app that may open no more connections, or a server that is full. */
    void checkRoom(long appPk) {
        if (count(appPk) >= props.maxConnections()) {
            throw LongConnectionRefused.overLimit(props.maxConnections());
        }
        if (total() >= props.maxTotalConnections()) {
            throw LongConnectionRefused.serverFull(props.maxTotalConnections());
        }
    }

    /** Connections and handshakes under way, of every app. */
    int total() {
        int total = 0;
        for (var app : byApp.values()) {
            synchronized (app) {
                total += app.used();
            }
        }
        return total;
    }

    /** A ticket for the endpoint's answer. */
    ConnectionTickets.Ticket ticket(long appPk) {
        return tickets.issue(appPk);
    }

    /** At the handshake: redeems the ticket and reserves a place, or says why not. */
    public Admission admit(String ticket) {
        var t = tickets.redeem(ticket)
                .orElseThrow(() -> LongConnectionRefused.authFailed("the ticket is unknown, used or expired"));
        var app = byApp.computeIfAbsent(t.appPk(), k -> new AppConnections());
        // One admission at a time, so that two apps cannot both take the server's last place.
        synchronized (admissions) {
            if (total() >= props.maxTotalConnections()) {
                throw LongConnectionRefused.serverFull(props.maxTotalConnections());
            }
            synchronized (app) {
                if (app.used() >= props.maxConnections()) {
                    throw LongConnectionRefused.overLimit(props.maxConnections());
                }
                app.reserved.put(t.deviceId(), System.nanoTime());
            }
        }
        return new Admission(t.appPk(), t.deviceId(), t.serviceId());
    }

    public void opened(Admission admission, LiveConnection socket) {
        var app = byApp.computeIfAbsent(admission.appPk(), k -> new AppConnections());
        synchronized (app) {
            app.reserved.remove(admission.deviceId());
            app.live.put(admission.deviceId(), new Entry(new Connected(admission, socket), clock.millis()));
        }
    }

    public void closed(Admission admission) {
        var app = byApp.get(admission.appPk());
        if (app != null) {
            synchronized (app) {
                app.reserved.remove(admission.deviceId());
                app.live.remove(admission.deviceId());
            }
        }
        acks.connectionClosed(admission.deviceId());
    }

    /** One random live connection of the app: Feishu's cluster mode (spec/protocols.md §4). */
    public Optional<Connected> pickOne(long appPk) {
        var app = byApp.get(appPk);
        if (app == null) {
            return Optional.empty();
        }
        synchronized (app) {
            if (app.live.isEmpty()) {
                return Optional.empty();
            }
            var all = new ArrayList<>(app.live.values());
            return Optional.of(all.get(ThreadLocalRandom.current().nextInt(all.size())).connected);
        }
    }

    public List<Info> of(long appPk) {
        var app = byApp.get(appPk);
        if (app == null) {
            return List.of();
        }
        synchronized (app) {
            return app.live.entrySet().stream()
                    .map(e -> new Info(e.getKey(), e.getValue().connectedAt, e.getValue().lastSeenAt))
                    .sorted(Comparator.comparingLong(Info::connectedAt))
                    .toList();
        }
    }

    /** A binary frame from the client: a ping, or the ACK of a push. Anything else is ignored. */
    public void received(Admission admission, byte[] bytes) {
        Frame frame;
        try {
            frame = Frame.decode(bytes);
        } catch (IOException e) {
            log.debug("ignoring an undecodable frame on connection {}", admission.deviceId(), e);
            return;
        }
        var entry = entry(admission);
        if (entry == null) {
            return;
        }
        entry.lastSeenNanos = System.nanoTime();
        entry.lastSeenAt = clock.millis();
        String type = frame.header("type").orElse("");
        if (frame.method() == Frame.CONTROL && type.equals("ping")) {
            if (faults.answersPings(admission.appPk())) {
                pong(entry, frame);
            }
        } else if (frame.method() == Frame.DATA) {
            frame.header("message_id").ifPresent(id -> acks.acked(id, frame.payload()));
        }
    }

    private void pong(Entry entry, Frame ping) {
        try {
            entry.connected
                    .socket()
                    .send(Frame.control(ping.service(), "pong", clientConfig).encode());
        } catch (IOException e) {
            log.debug(
                    "pong failed on connection {}", entry.connected.admission().deviceId(), e);
        }
    }

    /** Closes every live connection of the app (fault injection); says how many there were. */
    public int closeAll(long appPk, String reason) {
        var app = byApp.get(appPk);
        if (app == null) {
            return 0;
        }
        List<Connected> open;
        synchronized (app) {
            open = app.live.values().stream().map(e -> e.connected).toList();
        }
        open.forEach(c -> c.socket().close(reason));
        return open.size();
    }

    /** Closes connections silent for three ping intervals and forgets stale reservations. */
    void sweep() {
        long now = System.nanoTime();
        long silence = props.silenceLimit().toNanos();
        var dead = new ArrayList<Connected>();
        for (var app : byApp.values()) {
            synchronized (app) {
                app.reserved.values().removeIf(at -> now - at > RESERVATION_NANOS);
                app.live.values().removeIf(e -> {
                    boolean silent = now - e.lastSeenNanos > silence;
                    if (silent) {
                        dead.add(e.connected);
                    }
                    return silent;
                });
            }
        }
        for (var c : dead) {
            acks.connectionClosed(c.admission().deviceId());
            c.socket().close("no ping for " + props.silenceLimit().toSeconds() + " s");
        }
    }

    private Entry entry(Admission admission) {
        var app = byApp.get(admission.appPk());
        if (app == null) {
            return null;
        }
        synchronized (app) {
            return app.live.get(admission.deviceId());
        }
    }
}
