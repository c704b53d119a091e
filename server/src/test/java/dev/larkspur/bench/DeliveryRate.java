package dev.larkspur.bench;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.Client;
import com.lark.oapi.ws.ClientStopper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Deliveries per second by one mode (issue 14): a backlog of messages to the receiving bot is
 * written while its deliveries cannot go out, and fanned out; then it is let go, and the bot counts
 * what arrives. Free-running is the rate over the backlog's first third, with no sends going on;
 * loaded is the rate over the deliveries made while sends into another chat are offered at half the
 * measured send capacity (open loop), until the schedule ends or the backlog is delivered. A
 * callback backlog is held by a sink that leaves pushes unanswered (the app's places in flight stay
 * full, so the rest wait); a long-connection backlog by no connection being open (the bench runs
 * the server with a long unclaimed grace, so no instance takes the events to fail them).
 */
final class DeliveryRate {
    /** A delivery mode, as the results name it, and the free-running target for it. */
    record Mode(String name, int target) {}

    static final List<Mode> MODES = List.of(new Mode("callback", 1_000), new Mode("long_connection", 1_500));

    /** The server's long-connection grace in the bench, longer than any backlog takes to write. */
    static final String UNCLAIMED_GRACE = "30m";

    private static final int PEOPLE = 8;
    private static final int WRITES_IN_FLIGHT = 32;
    private static final long WAIT_SECONDS = 120;

    /**
     * What one mode's backlog showed: its size; the rate over its first {@code freeCount} deliveries
     * with no sends going on; then the rate over the {@code loadedCount} deliveries made while sends
     * were offered at {@code sendsPerSecond} (0 when the backlog ran out before the sends began);
     * how many of the backlog arrived in all, within {@link #WAIT_SECONDS}; and the machine's load
     * average when the backlog was let go.
     */
    record Result(
            double loadAverage,
            long backlog,
            long freeCount,
            double freePerSecond,
            int sendsPerSecond,
            long loadedCount,
            double loadedPerSecond,
            long delivered) {}

    private final long[] receipts;
    private final AtomicInteger received = new AtomicInteger();

    private DeliveryRate(int backlog) {
        // Room for retries of pushes the hold made fail.
        this.receipts = new long[2 * backlog];
    }

    static Result callback(
            Api api, String adminToken, int backlog, int sendRate, Duration loadFor, LongFunction<HttpRequest> send)
            throws IOException {
        var rate = new DeliveryRate(backlog);
        try (var sink = CallbackSink.forApp(api, adminToken, Fixture.RECEIVER)) {
            sink.onPush(rate::receipt);
            sink.hold();
            write(api, adminToken, Fixture.RECEIVER, backlog);
            BenchRun.awaitFanOut(api);
            return rate.measure(backlog, sink::release, sendRate, loadFor, send);
        }
    }

    static Result longConnection(
            Api api, String adminToken, int backlog, int sendRate, Duration loadFor, LongFunction<HttpRequest> send) {
        var rate = new DeliveryRate(backlog);
        api.ok(
                "PUT",
                "/admin/v1/apps/" + Fixture.RECEIVER + "/event_settings",
                Fixture.messageEvents(null),
                adminToken);
        write(api, adminToken, Fixture.RECEIVER, backlog);
        BenchRun.awaitFanOut(api);
        var dispatcher = EventDispatcher.newBuilder("", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        rate.receipt();
                    }
                })
                .build();
        var client = new Client.Builder(Fixture.RECEIVER, Fixture.SECRET)
                .domain(api.baseUrl)
                .eventHandler(dispatcher)
                .build();
        try {
            return rate.measure(backlog, client::start, sendRate, loadFor, send);
        } finally {
            ClientStopper.stop(client);
        }
    }

    private synchronized void receipt() {
        int n = received.getAndIncrement();
        if (n < receipts.length) {
            receipts[n] = System.nanoTime();
        }
    }

    /**
     * People u0…u7 write {@code count} messages to {@code app} (through the admin API's act-as-user
     * send), a bounded number at a time; all are answered when it returns, and any failure throws.
     */
    static void write(Api api, String adminToken, String app, int count) {
        var inFlight = new Semaphore(WRITES_IN_FLIGHT);
        var failed = new AtomicLong();
        try {
            for (int n = 0; n < count; n++) {
                inFlight.acquire();
                var request = api.request(
                        "POST",
                        "/admin/v1/tenants/" + Fixture.TENANT + "/users/u" + (n % PEOPLE) + "/messages",
                        Map.of(
                                "receive_id_type",
                                "app_id",
                                "receive_id",
                                app,
                                "msg_type",
                                "text",
                                "content",
                                "{\"text\":\"backlog " + n + "\"}"),
                        adminToken);
                api.http
                        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, error) -> {
                            if (error != null
                                    || response.statusCode() != 200
                                    || !response.body().contains("\"code\":0")) {
                                failed.incrementAndGet();
                            }
                            inFlight.release();
                        });
            }
            inFlight.acquire(WRITES_IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + count + " messages to " + app + " failed");
        }
    }

    private Result measure(
            int backlog, Runnable letGo, int sendRate, Duration loadFor, LongFunction<HttpRequest> send) {
        int freeCount = Math.max(2, backlog / 3);
        double load = Cpu.loadAverage();
        letGo.run();
        await(freeCount);
        int free;
        double freePerSecond;
        synchronized (this) {
            free = Math.min(received.get(), freeCount);
            freePerSecond = free < 2 ? 0 : (free - 1) * 1e9 / Math.max(1, receipts[free - 1] - receipts[0]);
        }

        long sendsFrom = System.nanoTime();
        new FixedRate().measure(sendRate, loadFor, send);
        long sendsUntil = Math.min(System.nanoTime(), sendsFrom + loadFor.toNanos());
        await(backlog);
        long loaded = 0;
        long last = sendsFrom;
        boolean ranOut;
        synchronized (this) {
            int total = Math.min(received.get(), receipts.length);
            for (int i = 0; i < total; i++) {
                if (receipts[i] >= sendsFrom && receipts[i] <= sendsUntil) {
                    loaded++;
                    last = Math.max(last, receipts[i]);
                }
            }
            // A backlog that ran out before the sends ended was delivered at its rate only until then.
            ranOut = total >= backlog && receipts[backlog - 1] <= sendsUntil;
        }
        long window = ranOut ? last - sendsFrom : sendsUntil - sendsFrom;
        double loadedPerSecond = loaded == 0 || window <= 0 ? 0 : loaded * 1e9 / window;
        return new Result(load, backlog, free, freePerSecond, sendRate, loaded, loadedPerSecond, received.get());
    }

    private void await(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (received.get() < count && System.nanoTime() < deadline) {
            BenchServer.sleep(10);
        }
    }
}
