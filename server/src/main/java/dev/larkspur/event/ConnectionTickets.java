package dev.larkspur.event;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Carries the endpoint's authentication to the WebSocket handshake: the URL it hands out names a
 * ticket that works once and only for a short while, since SDKs re-request the endpoint on every
 * reconnect anyway (spec/protocols.md §4.1). Tickets live in this process's memory, so the handshake
 * must reach the instance that answered the endpoint.
 */
@Component
class ConnectionTickets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Ticket> open = new ConcurrentHashMap<>();
    private final long lifetimeNanos;

    ConnectionTickets(LongConnectionProperties props) {
        this.lifetimeNanos = props.ticketLifetime().toNanos();
    }

    /** What a ticket admits: the app, the connection's device id and its service id (an int32). */
    record Ticket(String value, long appPk, String deviceId, int serviceId, long expiresAtNanos) {}

    Ticket issue(long appPk) {
        // Monotonic time: tests move the wall clock by hours to expire tokens.
        long now = System.nanoTime();
        open.values().removeIf(t -> t.expiresAtNanos() - now < 0);
        var ticket = new Ticket(
                UUID.randomUUID().toString(),
                appPk,
                String.valueOf(1 + RANDOM.nextLong(Long.MAX_VALUE - 1)),
                1 + RANDOM.nextInt(Integer.MAX_VALUE - 1),
                now + lifetimeNanos);
        open.put(ticket.value(), ticket);
        return ticket;
    }

    /** The ticket, once: a second use, or a use after it expired, finds nothing. */
    Optional<Ticket> redeem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(open.remove(value)).filter(t -> t.expiresAtNanos() - System.nanoTime() >= 0);
    }
}
