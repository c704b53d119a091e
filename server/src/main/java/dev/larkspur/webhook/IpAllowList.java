package dev.larkspur.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A custom bot's IP allow-list (spec/message.md §3.24): at most 10 entries, each an address
 * ({@code 1.2.3.4}, {@code ::1}), a CIDR block ({@code 10.0.0.0/8}) or Feishu's trailing wildcard
 * ({@code 1.2.3.*}). Empty means the rule is off. Entries are literals only: nothing here resolves a
 * host name, so checking an address never waits on DNS.
 */
public final class IpAllowList {
    static final int MAX_ENTRIES = 10;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");

    private final List<String> entries;
    private final List<Block> blocks;

    private record Block(byte[] network, int prefixBits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private IpAllowList(List<String> entries, List<Block> blocks) {
        this.entries = entries;
        this.blocks = blocks;
    }

    /** Parses the entries; a malformed one is an admin error naming it. */
    public static IpAllowList of(List<String> entries) {
        if (entries != null && entries.stream().anyMatch(Objects::isNull)) {
            throw WebhookErrors.invalid("invalid ip_allow_list entry: null");
        }
        var list = entries == null
                ? List.<String>of()
                : entries.stream().map(String::strip).toList();
        if (list.size() > MAX_ENTRIES) {
            throw WebhookErrors.invalid("ip_allow_list has more than " + MAX_ENTRIES + " entries");
        }
        var blocks = list.stream()
                .map(e -> block(e).orElseThrow(() -> WebhookErrors.invalid("invalid ip_allow_list entry: " + e)))
                .toList();
        return new IpAllowList(list, blocks);
    }

    public List<String> entries() {
        return entries;
    }

    public boolean allows(String address) {
        if (blocks.isEmpty()) {
            return true;
        }
        var parsed = literal(address);
        return parsed.isPresent() && blocks.stream().anyMatch(b -> b.contains(parsed.get()));
    }

    private static Optional<Block> block(String entry) {
        if (entry.endsWith("*")) {
            return wildcard(entry);
        }
        int slash = entry.indexOf('/');
        var address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int maxBits = address.get().length * 8;
        if (slash < 0) {
            return Optional.of(new Block(address.get(), maxBits));
        }
        try {
            int bits = Integer.parseInt(entry.substring(slash + 1));
            return bits < 0 || bits > maxBits ? Optional.empty() : Optional.of(new Block(address.get(), bits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code 1.2.3.*} or {@code 1.2.*.*}: the starred octets are the trailing ones. */
    private static Optional<Block> wildcard(String entry) {
        String[] parts = entry.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int fixed = 0;
        while (fixed < 4 && !parts[fixed].equals("*")) {
            fixed++;
        }
        for (int i = fixed; i < 4; i++) {
            if (!parts[i].equals("*")) {
                return Optional.empty();
            }
            parts[i] = "0";
        }
        int bits = 8 * fixed;
        return literal(String.join(".", parts)).map(network -> new Block(network, bits));
    }

    /** The bytes of an IPv4 or IPv6 literal; IPv4-mapped IPv6 addresses come out as IPv4. */
    static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(bytes);
        }
        if (!IPV6.matcher(text).matches() || text.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            // Starting with a hex digit or colon and holding a colon, it is parsed as an IPv6
            // literal (or refused) by InetAddress, never looked up as a host name.
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
