package dev.larkspur.event;

import dev.larkspur.platform.LarkspurProperties;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether the server may connect to a request URL's host: it resolves the host and refuses
 * it when any of its addresses is in a range the settings do not allow ({@link RequestUrlProperties}).
 * It runs before every connection, at verification and at every push, because what a name resolves
 * to can change after the URL was saved.
 */
@Component
public class RequestUrlPolicy {
    /** What kind of target an address is. */
    public enum Target {
        PUBLIC,
        LOOPBACK,
        PRIVATE,
        LINK_LOCAL,
        /** Unspecified (0.0.0.0, ::), multicast, broadcast: never a bot. */
        SPECIAL
    }

    /** Turns a host name into its addresses; a seam so that tests need no DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final boolean allowPrivate;
    private final boolean allowLinkLocal;
    private final Resolver resolver;

    @Autowired
    RequestUrlPolicy(RequestUrlProperties settings, LarkspurProperties larkspur) {
        this(
                settings.allowLoopback() != null
                        ? settings.allowLoopback()
                        : !larkspur.db().external(),
                settings.allowPrivate(),
                settings.allowLinkLocal(),
                InetAddress::getAllByName);
    }

    public RequestUrlPolicy(boolean allowLoopback, boolean allowPrivate, boolean allowLinkLocal, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
        this.allowLinkLocal = allowLinkLocal;
        this.resolver = resolver;
    }

    /**
     * Why the server must not connect to {@code url}, for the operator's log; empty when it may. A
     * host that does not resolve is refused too (there is nothing to connect to).
     */
    public Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("the URL has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of(host + " does not resolve");
        }
        // Every address must pass: the HTTP client may pick any of them.
        for (var address : addresses) {
            var target = classify(address);
            if (!allowed(target)) {
                return Optional.of(host + " resolves to " + address.getHostAddress() + ", a "
                        + target.name().toLowerCase().replace('_', '-') + " address, which "
                        + setting(target));
            }
        }
        return Optional.empty();
    }

    private boolean allowed(Target target) {
        return switch (target) {
            case PUBLIC -> true;
            case LOOPBACK -> allowLoopback;
            case PRIVATE -> allowPrivate;
            case LINK_LOCAL -> allowLinkLocal;
            case SPECIAL -> false;
        };
    }

    private static String setting(Target target) {
        return switch (target) {
            case LOOPBACK -> "larkspur.events.request-url.allow-loopback=true allows";
            case PRIVATE -> "larkspur.events.request-url.allow-private=true allows";
            case LINK_LOCAL -> "larkspur.events.request-url.allow-link-local=true allows";
            default -> "is never allowed";
        };
    }

    /** The range {@code address} is in (IPv4-mapped IPv6 addresses arrive here as IPv4). */
    public static Target classify(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Target.SPECIAL;
        }
        if (address.isLoopbackAddress()) {
            return Target.LOOPBACK;
        }
        if (address.isLinkLocalAddress()) {
            return Target.LINK_LOCAL;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 255 && second == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
                return Target.SPECIAL;
            }
            if (first == 0) {
                // 0.0.0.0/8 is "this network": Linux connects 0.x.y.z to the local host.
                return Target.LOOPBACK;
            }
            // 10/8, 172.16/12, 192.168/16 (RFC 1918), and 100.64/10, the carrier-grade NAT range.
            if (address.isSiteLocalAddress() || (first == 100 && (second & 0xc0) == 64)) {
                return Target.PRIVATE;
            }
            return Target.PUBLIC;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local addresses, the IPv6 private range; and the deprecated fec0::/10.
            if ((b[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
                return Target.PRIVATE;
            }
        }
        return Target.PUBLIC;
    }
}
