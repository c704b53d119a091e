package dev.larkspur.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.larkspur.event.CallbackTransport;
import dev.larkspur.event.RequestUrlPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transport asks the request URL policy before every post and opens no connection to a refused
 * host. Only 127.0.0.0/8 and ::1 are ever connected to: the other addresses here are refused before
 * any connection, which is what the tests prove.
 */
class HttpCallbackTransportPolicyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private HttpServer bot;
    private final AtomicInteger received = new AtomicInteger();

    private String listen(String address) throws IOException {
        bot = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        bot.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        bot.start();
        String host = address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + bot.getAddress().getPort() + "/events";
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop(0);
        }
    }

    private static HttpCallbackTransport transport(boolean allowLoopback) {
        return new HttpCallbackTransport(new RequestUrlPolicy(allowLoopback, false, false, InetAddress::getAllByName));
    }

    @Test
    void postsToALoopbackBotWhenLoopbackIsAllowed() throws IOException {
        String url = listen("127.0.0.1");
        var response = transport(true).post(url, Map.of(), "{}", TIMEOUT);
        assertThat(response.ok()).isTrue();
        assertThat(received).hasValue(1);
    }

    @Test
    void refusesALoopbackBotWithoutConnectingWhenLoopbackIsNotAllowed() throws IOException {
        for (String address : new String[] {"127.0.0.1", "::1"}) {
            String url = listen(address);
            var response = transport(false).post(url, Map.of(), "{}", TIMEOUT);
            // post is synchronous: had it connected, the bot would have answered before it returned.
            assertThat(response.error()).startsWith(CallbackTransport.REFUSED).contains("loopback");
            assertThat(received).as(address).hasValue(0);
            stop();
        }
    }

    @Test
    void refusesPrivateAndLinkLocalTargetsBeforeAnyConnection() {
        var transport = transport(true);
        for (String url : new String[] {
            "http://10.0.0.1/events", "http://169.254.169.254/latest/meta-data/", "https://192.168.1.1:8443/events"
        }) {
            var response = transport.post(url, Map.of(), "{}", TIMEOUT);
            // The refusal, not a connect error or timeout: no connection was tried.
            assertThat(response.error()).as(url).startsWith(CallbackTransport.REFUSED);
            assertThat(response.timedOut()).isFalse();
        }
    }
}
