package dev.larkspur.bench;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.Client;
import com.lark.oapi.ws.ClientStopper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Isolation between apps (issue 14): the healthy receiving bot's send-to-handler latency, by
 * callback and by long connection, while two other apps of the tenant have a backlog the server
 * cannot get rid of: one whose callback endpoint never answers ({@link CallbackSink#hold}), one
 * whose long connection reads every push and never ACKs. Their pushes fail only at the server's
 * 3 s bound and come back 15 s later, so they hold their places in flight for the whole step.
 */
final class Isolation {
    /** The app whose callback hangs, and the app whose long connection never ACKs (both in the seed). */
    static final String HANGING = "cli_d0d0d0d0d0d0d0d0";

    static final String SILENT = "cli_c0c0c0c0c0c0c0c0";

    private Isolation() {}

    /** The healthy bot's figures by callback and by long connection, beside the two stuck apps. */
    static Map<String, EventLatency.Result> measure(
            Api api, String adminToken, int backlogPerApp, int perSecond, Duration duration) throws Exception {
        var silent = HttpClient.newHttpClient();
        WebSocket socket = null;
        try (var hanging = CallbackSink.forApp(api, adminToken, HANGING)) {
            hanging.hold();
            api.ok("PUT", "/admin/v1/apps/" + SILENT + "/event_settings", Fixture.messageEvents(null), adminToken);
            var endpoint =
                    api.ok("POST", "/callback/ws/endpoint", Map.of("AppID", SILENT, "AppSecret", Fixture.SECRET), null);
            // The default listener asks for every frame and answers none: pushes are read, never ACKed.
            socket = silent.newWebSocketBuilder()
                    .buildAsync(URI.create(endpoint.path("URL").asString()), new WebSocket.Listener() {})
                    .orTimeout(10, TimeUnit.SECONDS)
                    .join();
            DeliveryRate.write(api, adminToken, HANGING, backlogPerApp);
            DeliveryRate.write(api, adminToken, SILENT, backlogPerApp);
            BenchRun.awaitFanOut(api);
            var results = new LinkedHashMap<String, EventLatency.Result>();
            results.put("callback", EventLatency.callback(api, adminToken, perSecond, duration));
            results.put("long_connection", EventLatency.longConnection(api, adminToken, perSecond, duration));
            // Drained, so that their retries do not run through the steps that follow.
            hanging.release();
            await(hanging::pushes, backlogPerApp);
            socket.abort();
            socket = null;
            drainSilent(api, backlogPerApp);
            return results;
        } finally {
            if (socket != null) {
                socket.abort();
            }
        }
    }

    /** Takes the silent app's events with an SDK client that ACKs them. */
    private static void drainSilent(Api api, int count) {
        var received = new AtomicLong();
        var dispatcher = EventDispatcher.newBuilder("", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        received.incrementAndGet();
                    }
                })
                .build();
        var client = new Client.Builder(SILENT, Fixture.SECRET)
                .domain(api.baseUrl)
                .eventHandler(dispatcher)
                .build();
        client.start();
        try {
            await(received::get, count);
        } finally {
            ClientStopper.stop(client);
        }
    }

    /** Waits until {@code count} pushes arrived, at most a minute (a failed push comes back after 15 s). */
    private static void await(LongSupplier arrived, long count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (arrived.getAsLong() < count && System.nanoTime() < deadline) {
            BenchServer.sleep(50);
        }
        if (arrived.getAsLong() < count) {
            BenchRun.step("  a stuck app was still %,d events behind after a minute", count - arrived.getAsLong());
        }
    }
}
