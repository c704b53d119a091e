package dev.larkspur.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larkspur.platform.FeishuException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpAllowListTest {
    @Test
    void emptyListAllowsEveryone() {
        assertThat(IpAllowList.of(List.of()).allows("203.0.113.9")).isTrue();
        assertThat(IpAllowList.of(null).allows("203.0.113.9")).isTrue();
    }

    @Test
    void exactAddressAllowsOnlyItself() {
        var list = IpAllowList.of(List.of("203.0.113.9"));

        assertThat(list.allows("203.0.113.9")).isTrue();
        assertThat(list.allows("203.0.113.10")).isFalse();
    }

    @Test
    void cidrBlockAllowsItsRange() {
        var list = IpAllowList.of(List.of("10.1.0.0/16"));

        assertThat(list.allows("10.1.255.7")).isTrue();
        assertThat(list.allows("10.2.0.1")).isFalse();
    }

    @Test
    void trailingWildcardsAllowTheirOctets() {
        var list = IpAllowList.of(List.of("192.168.1.*", "172.16.*.*"));

        assertThat(list.allows("192.168.1.200")).isTrue();
        assertThat(list.allows("172.16.44.3")).isTrue();
        assertThat(list.allows("192.168.2.1")).isFalse();
    }

    @Test
    void ipv6EntriesAndIpv4MappedClients() {
        assertThat(IpAllowList.of(List.of("2001:db8::/32")).allows("2001:db8:0:0:0:0:0:1"))
                .isTrue();
        assertThat(IpAllowList.of(List.of("::1")).allows("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(IpAllowList.of(List.of("127.0.0.1")).allows("::ffff:127.0.0.1"))
                .isTrue();
        assertThat(IpAllowList.of(List.of("2001:db8::/32")).allows("127.0.0.1")).isFalse();
    }

    @Test
    void unparseableClientAddressIsNotAllowed() {
        assertThat(IpAllowList.of(List.of("127.0.0.1")).allows("localhost")).isFalse();
        assertThat(IpAllowList.of(List.of("127.0.0.1")).allows(null)).isFalse();
    }

    @Test
    void rejectsHostNamesMalformedEntriesAndMoreThanTen() {
        for (String bad : List.of("example.com", "1.2.3", "1.2.3.256", "10.0.0.0/33", "1.*.3.*", "*", "zz::1")) {
            assertThatThrownBy(() -> IpAllowList.of(List.of(bad))).as(bad).isInstanceOf(FeishuException.class);
        }
        assertThatThrownBy(() -> IpAllowList.of(Collections.nCopies(11, "10.0.0.1")))
                .isInstanceOf(FeishuException.class);
    }
}
