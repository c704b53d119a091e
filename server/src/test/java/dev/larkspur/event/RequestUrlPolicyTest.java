package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.event.RequestUrlPolicy.Target;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Address classification and the policy's decisions, with literal addresses and a fake resolver: no DNS, no traffic. */
class RequestUrlPolicyTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "127.0.0.1, LOOPBACK",
        "127.8.9.10, LOOPBACK",
        "::1, LOOPBACK",
        "0.1.2.3, LOOPBACK",
        "10.0.0.1, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.254, PRIVATE",
        "192.168.1.1, PRIVATE",
        "100.64.0.1, PRIVATE",
        "100.127.255.254, PRIVATE",
        "fd00::1, PRIVATE",
        "fc12:3456::1, PRIVATE",
        "::ffff:10.0.0.1, PRIVATE",
        "169.254.169.254, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "0.0.0.0, SPECIAL",
        "::, SPECIAL",
        "224.0.0.1, SPECIAL",
        "ff02::1, SPECIAL",
        "255.255.255.255, SPECIAL",
        "8.8.8.8, PUBLIC",
        "172.32.0.1, PUBLIC",
        "100.128.0.1, PUBLIC",
        "2001:4860:4860::8888, PUBLIC",
        "::ffff:8.8.8.8, PUBLIC"
    })
    void classifiesAddressRanges(String literal, Target expected) throws UnknownHostException {
        // A literal is parsed, never looked up.
        assertThat(RequestUrlPolicy.classify(InetAddress.getByName(literal))).isEqualTo(expected);
    }

    private static RequestUrlPolicy embeddedDefaults(RequestUrlPolicy.Resolver resolver) {
        return new RequestUrlPolicy(true, false, false, resolver);
    }

    private static InetAddress[] at(String... literals) throws UnknownHostException {
        var addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByName(literals[i]);
        }
        return addresses;
    }

    @Test
    void refusesPrivateAndLinkLocalHostsUnlessAllowed() {
        var policy = embeddedDefaults(InetAddress::getAllByName);
        assertThat(policy.refusal(URI.create("http://10.0.0.1/hook")))
                .hasValueSatisfying(why -> assertThat(why).contains("private", "allow-private"));
        assertThat(policy.refusal(URI.create("http://169.254.169.254/latest/meta-data")))
                .hasValueSatisfying(why -> assertThat(why).contains("link-local", "allow-link-local"));
        assertThat(policy.refusal(URI.create("https://192.168.1.1:8443/"))).isPresent();
        assertThat(policy.refusal(URI.create("http://[fd00::1]/"))).isPresent();
        assertThat(policy.refusal(URI.create("http://0.0.0.0:8080/"))).isPresent();

        var open = new RequestUrlPolicy(true, true, true, InetAddress::getAllByName);
        assertThat(open.refusal(URI.create("http://10.0.0.1/hook"))).isEmpty();
        assertThat(open.refusal(URI.create("http://169.254.169.254/"))).isEmpty();
        assertThat(open.refusal(URI.create("http://0.0.0.0:8080/")))
                .as("never a bot")
                .isPresent();
    }

    @Test
    void loopbackFollowsItsSetting() {
        var embedded = embeddedDefaults(InetAddress::getAllByName);
        assertThat(embedded.refusal(URI.create("http://127.0.0.1:9000/"))).isEmpty();
        assertThat(embedded.refusal(URI.create("http://[::1]:9000/"))).isEmpty();

        var shared = new RequestUrlPolicy(false, false, false, InetAddress::getAllByName);
        assertThat(shared.refusal(URI.create("http://127.0.0.1:9000/")))
                .hasValueSatisfying(why -> assertThat(why).contains("loopback", "allow-loopback"));
        assertThat(shared.refusal(URI.create("http://[::1]:9000/"))).isPresent();
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIs() {
        var policy = embeddedDefaults(host -> at("8.8.8.8", "10.1.2.3"));
        assertThat(policy.refusal(URI.create("https://bot.example.com/")))
                .hasValueSatisfying(why -> assertThat(why).contains("bot.example.com", "10.1.2.3"));
        assertThat(embeddedDefaults(host -> at("8.8.8.8")).refusal(URI.create("https://bot.example.com/")))
                .isEmpty();
    }

    @Test
    void resolvesAgainAtEveryCheckSoANameThatMovesInsideIsRefused() throws UnknownHostException {
        var answer = new AtomicReference<>(at("93.184.216.34"));
        var policy = embeddedDefaults(host -> answer.get());
        var url = URI.create("https://bot.example.com/events");
        assertThat(policy.refusal(url)).isEmpty();

        answer.set(at("169.254.169.254"));
        assertThat(policy.refusal(url)).isPresent();
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        var policy = embeddedDefaults(host -> {
            throw new UnknownHostException(host);
        });
        assertThat(policy.refusal(URI.create("https://nowhere.invalid/"))).isPresent();
        assertThat(policy.refusal(URI.create("http:///no-host"))).isPresent();
    }
}
