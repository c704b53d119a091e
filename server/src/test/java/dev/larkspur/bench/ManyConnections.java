package dev.larkspur.bench;

import dev.larkspur.event.internal.Frame;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Issue 14's long connections: {@code count} concurrent long connections to one server, opened as an
 * SDK opens them (the endpoint, then a WebSocket with its ticket) by one client on 127.0.0.1, with
 * at most {@link #IN_FLIGHT} handshakes at a time and a deadline, over the JDK's WebSocket client (a
 * few threads for all of them, none per connection). Apps hold at most 50 connections each
 * (Feishu's cap), so there is one app per 50. Each connection pings at once and then every
 * PingInterval, spread over the interval, as the SDKs do. With all open it measures the server's idle
 * CPU, heap after a full GC and RSS; then people write {@code events} messages to a sample of the
 * apps, and each arrives on one of its app's connections (cluster mode), which ACKs it as the SDKs do.
 */
final class ManyConnections {
    private static final int PER_APP = 50;
    private static final int IN_FLIGHT = 64;
    private static final int PEOPLE = 8;
    private static final int WRITES_IN_FLIGHT = 8;
    private static final Pattern E2E = Pattern.compile("e2e (\\d+) #(\\d+)");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final byte[] ACK = "{\"code\":200}".getBytes(StandardCharsets.UTF_8);

    /**
     * What the step saw: connections asked for, opened, failed (by reason) and closed by the server
     * while open; how long opening took; the server's heap after a full GC and RSS before and with
     * all open; its CPU while they sat idle ({@code idleCpuPercent} of one core over {@code
     * idleSeconds}; {@code baselineCpuPercent} over as long with none open, before) over {@code
     * idleSeconds}); pongs received; and the sampled pushes: events written, received (by the bench's
     * connections, ACKed) and recorded as delivered by the server, with send-to-receipt latency.
     */
    record Result(
            double loadAverage,
            int target,
            int opened,
            int failed,
            Map<String, Integer> failures,
            int closedByServer,
            int endpointRetries,
            double openSeconds,
            long heapBeforeKb,
            long heapAfterKb,
            long rssBeforeKb,
            long rssAfterKb,
            double idleSeconds,
            double idleCpuPercent,
            double baselineCpuPercent,
            long pongs,
            int sampledApps,
            int events,
            int received,
            int deliveredByServer,
            Latency latency) {
        double heapKbPerConnection() {
            return opened == 0 ? 0 : (heapAfterKb - heapBeforeKb) / (double) opened;
        }

        double rssKbPerConnection() {
            return opened == 0 ? 0 : (rssAfterKb - rssBeforeKb) / (double) opened;
        }

        /** Failed opens and undelivered pushes: what makes the smoke run fail. */
        long errors() {
            return failed + Math.max(0, events - received) + Math.max(0, events - deliveredByServer);
        }
    }

    private final Api api;
    private final String adminToken;
    private final List<Connection> open = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicLong pongs = new AtomicLong();
    private final Histogram histogram = new Histogram(3);
    private final AtomicInteger received = new AtomicInteger();
    private volatile int pingInterval = 120;
    /** Each write's send-to-receipt time in ms, by the order it was written (-1 until it arrives). */
    private volatile long[] byWrite = new long[0];
    /** The tenant of the step's own, made by {@link #tenant()}. */
    private String tenant;

    private ManyConnections(Api api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    static Result measure(
            Api api, String adminToken, long serverPid, int count, int events, long openSeconds, long idleSeconds) {
        return new ManyConnections(api, adminToken).run(serverPid, count, events, openSeconds, idleSeconds);
    }

    private Result run(long pid, int count, int events, long openSeconds, long idleSeconds) {
        double load = Cpu.loadAverage();
        tenant = tenant();
        var apps = new ArrayList<Map.Entry<String, String>>();
        for (int i = 0; i * PER_APP < count; i++) {
            var app = api.ok("POST", "/admin/v1/tenants/" + tenant + "/apps", Map.of("name", "Many " + i), adminToken);
            apps.add(Map.entry(
                    app.path("app_id").asString(), app.path("app_secret").asString()));
        }
        int sampled = Math.min(apps.size(), events);
        for (int i = 0; i < sampled; i++) {
            api.ok(
                    "PUT",
                    "/admin/v1/apps/" + apps.get(i).getKey() + "/event_settings",
                    Fixture.messageEvents(null),
                    adminToken);
        }
        long heapBefore = IdleConnections.heapUsedKb(pid);
        long rssBefore = rssKb(pid);
        double baseline = cpuPercent(pid, idleSeconds);
        // A few threads run every socket's callbacks; the JDK client's selector thread does the I/O.
        ExecutorService callbacks = Executors.newFixedThreadPool(4, daemon("many-ws"));
        var client = HttpClient.newBuilder().executor(callbacks).build();
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(daemon("many-ping"));
        try {
            long started = System.nanoTime();
            open(client, apps, count, started + TimeUnit.SECONDS.toNanos(openSeconds));
            double opening = (System.nanoTime() - started) / 1e9;
            BenchRun.step(
                    "  long connections: %,d of %,d open in %.1f s, %,d failed %s",
                    open.size(), count, opening, count - open.size(), failures);
            var tick = new AtomicLong();
            pinger.scheduleAtFixedRate(() -> pingSome(tick.getAndIncrement()), 1, 1, TimeUnit.SECONDS);

            // Idle: only the SDKs' pings, spread over their interval, as 10,000 real clients would be.
            double idle = cpuPercent(pid, idleSeconds);
            long rssAfter = rssKb(pid);
            long heapAfter = IdleConnections.heapUsedKb(pid);

            int delivered = push(apps.subList(0, sampled), events);
            synchronized (histogram) {
                return new Result(
                        load,
                        count,
                        open.size(),
                        count - open.size(),
                        new TreeMap<>(failures),
                        closedByServer.get(),
                        retries.get(),
                        opening,
                        heapBefore,
                        heapAfter,
                        rssBefore,
                        rssAfter,
                        idleSeconds,
                        idle,
                        baseline,
                        pongs.get(),
                        sampled,
                        events,
                        received.get(),
                        delivered,
                        Latency.of(histogram, Math.max(0, events - received.get()), 1));
            }
        } finally {
            pinger.shutdownNow();
            open.forEach(c -> c.socket.abort());
            callbacks.shutdownNow();
        }
    }

    /** Opens {@code count} connections, {@link #IN_FLIGHT} at a time, starting none after the deadline. */
    private void open(HttpClient client, List<Map.Entry<String, String>> apps, int count, long deadline) {
        var permits = new Semaphore(IN_FLIGHT);
        int started = 0;
        try {
            for (; started < count; started++) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !permits.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    break;
                }
                var app = apps.get(started / PER_APP);
                openOne(client, app.getKey(), app.getValue()).whenComplete((ok, error) -> permits.release());
            }
            // Handshakes still under way get until the deadline, and at least their own timeout.
            long left = Math.max(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(30));
            if (!permits.tryAcquire(IN_FLIGHT, left, TimeUnit.NANOSECONDS)) {
                fail("still opening at the deadline");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (started < count) {
            failures.merge("not started before the deadline", count - started, Integer::sum);
        }
    }

    private CompletableFuture<?> openOne(HttpClient client, String appId, String secret) {
        return endpoint(appId, secret, 3)
                .thenCompose(response -> {
                    var answer = Api.JSON.readTree(response.body());
                    if (answer.path("code").asInt(-1) != 0) {
                        fail("endpoint answered " + answer.path("code").asInt(-1) + " "
                                + answer.path("msg").asString());
                        return CompletableFuture.completedFuture(null);
                    }
                    pingInterval = answer.path("data")
                            .path("ClientConfig")
                            .path("PingInterval")
                            .asInt(120);
                    var url = URI.create(answer.path("data").path("URL").asString());
                    var connection = new Connection(serviceId(url));
                    return client.newWebSocketBuilder()
                            .buildAsync(url, connection)
                            .orTimeout(30, TimeUnit.SECONDS)
                            .thenAccept(socket -> {
                                connection.socket = socket;
                                open.add(connection);
                                connection.send(Frame.control(connection.serviceId, "ping", null));
                            });
                })
                .exceptionally(error -> {
                    var cause = error.getCause() != null ? error.getCause() : error;
                    fail(cause.getClass().getSimpleName() + ": " + cause.getMessage());
                    return null;
                });
    }

    /**
     * The endpoint call, tried again (as an SDK tries again) when its pooled keep-alive connection
     * was closed by the server as it was reused; {@code attempts} bounds the tries.
     */
    private CompletableFuture<HttpResponse<String>> endpoint(String appId, String secret, int attempts) {
        var request = api.request("POST", "/callback/ws/endpoint", Map.of("AppID", appId, "AppSecret", secret), null);
        return api.http
                .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(response);
                    }
                    var cause = error.getCause() != null ? error.getCause() : error;
                    if (attempts > 1 && cause instanceof java.io.IOException) {
                        retries.incrementAndGet();
                        return endpoint(appId, secret, attempts - 1);
                    }
                    return CompletableFuture.<HttpResponse<String>>failedFuture(cause);
                })
                .thenCompose(f -> f);
    }

    private void fail(String reason) {
        failures.merge(reason.length() > 120 ? reason.substring(0, 120) : reason, 1, Integer::sum);
    }

    /** Each second, the connections whose turn it is ping, so each pings once per interval. */
    private void pingSome(long tick) {
        int interval = Math.max(1, pingInterval);
        for (int i = (int) (tick % interval); i < open.size(); i += interval) {
            var c = open.get(i);
            c.send(Frame.control(c.serviceId, "ping", null));
        }
    }

    /**
     * A tenant of the step's own, with the people who write to its apps. A new app gives every
     * person of its tenant an open_id of their own (Feishu's open_id is per app): in the bench's
     * tenant, filled with 50,000 members, each of the 200 apps took seven seconds to make.
     */
    private String tenant() {
        String key = api.ok("POST", "/admin/v1/tenants", Map.of("name", "Many connections"), adminToken)
                .path("tenant_key")
                .asString();
        for (int p = 0; p < PEOPLE; p++) {
            api.ok(
                    "POST",
                    "/admin/v1/tenants/" + key + "/users",
                    Map.of("name", "u" + p, "user_id", "u" + p),
                    adminToken);
        }
        return key;
    }

    /**
     * People write {@code events} messages round-robin to {@code apps}, a few at a time; each text
     * carries the bench's clock when it was written. Waits for every receipt (within a minute), then
     * for the server to record every delivery, and returns how many it recorded.
     */
    private int push(List<Map.Entry<String, String>> apps, int events) {
        var permits = new Semaphore(WRITES_IN_FLIGHT);
        var writes = new ArrayList<CompletableFuture<?>>();
        var failed = new AtomicInteger();
        byWrite = new long[events];
        java.util.Arrays.fill(byWrite, -1);
        try {
            for (int k = 0; k < events; k++) {
                if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("writes to the sampled apps did not finish within 60 s");
                }
                var request = api.request(
                        "POST",
                        "/admin/v1/tenants/" + tenant + "/users/u" + (k % PEOPLE) + "/messages",
                        Map.of(
                                "receive_id_type",
                                "app_id",
                                "receive_id",
                                apps.get(k % apps.size()).getKey(),
                                "msg_type",
                                "text",
                                "content",
                                "{\"text\":\"e2e " + System.nanoTime() + " #" + k + "\"}"),
                        adminToken);
                writes.add(api.http
                        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, error) -> {
                            permits.release();
                            if (error != null || response.statusCode() != 200) {
                                failed.incrementAndGet();
                            }
                        }));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                .orTimeout(60, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
        if (failed.get() > 0) {
            fail(failed.get() + " writes to the sampled apps failed");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received.get() < events && System.nanoTime() < deadline) {
            BenchServer.sleep(20);
        }
        // Where the slow ones fall (first writes, or spread), for whoever reads the bench's output.
        BenchRun.step("  push latencies in write order, ms: %s", java.util.Arrays.toString(byWrite));
        // The ACK is recorded after it arrives: poll the server's deliveries until all are in.
        int delivered = 0;
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            delivered = 0;
            for (var app : apps) {
                delivered += api.ok(
                                "GET",
                                "/admin/v1/apps/" + app.getKey() + "/deliveries?status=delivered&page_size=500",
                                null,
                                adminToken)
                        .path("items")
                        .size();
            }
            if (delivered >= events) {
                break;
            }
            BenchServer.sleep(200);
        }
        return delivered;
    }

    /** The process's CPU time over {@code seconds} of wall time, as a share of one core. */
    private static double cpuPercent(long pid, long seconds) {
        var stat = Path.of("/proc", String.valueOf(pid), "stat");
        long cpuBefore = Cpu.micros(stat);
        long start = System.nanoTime();
        BenchServer.sleep(seconds * 1000);
        long cpuAfter = Cpu.micros(stat);
        return 100.0 * (cpuAfter - cpuBefore) / ((System.nanoTime() - start) / 1e3);
    }

    /** The process's resident set, from {@code /proc/<pid>/status}; 0 where there is none. */
    static long rssKb(long pid) {
        try {
            var matcher = VM_RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
            return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static int serviceId(URI url) {
        for (String pair : url.getRawQuery().split("&")) {
            if (pair.startsWith("service_id=")) {
                return Integer.parseInt(pair.substring("service_id=".length()));
            }
        }
        return 0;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One connection: sends one frame at a time (the JDK client refuses overlapping sends). */
    private final class Connection implements WebSocket.Listener {
        final int serviceId;
        volatile WebSocket socket;
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        private ByteArrayOutputStream pieces;

        Connection(int serviceId) {
            this.serviceId = serviceId;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        synchronized void send(Frame frame) {
            var bytes = frame.encode();
            sending =
                    sending.exceptionally(e -> null).thenCompose(x -> socket.sendBinary(ByteBuffer.wrap(bytes), true));
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (pieces == null) {
                pieces = new ByteArrayOutputStream();
            }
            byte[] piece = new byte[data.remaining()];
            data.get(piece);
            pieces.write(piece, 0, piece.length);
            if (last) {
                byte[] whole = pieces.toByteArray();
                pieces = null;
                handle(whole);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(byte[] bytes) {
            Frame frame;
            try {
                frame = Frame.decode(bytes);
            } catch (java.io.IOException e) {
                fail("undecodable frame from the server");
                return;
            }
            if (frame.method() == Frame.CONTROL) {
                if (frame.header("type").orElse("").equals("pong")) {
                    pongs.incrementAndGet();
                }
                return;
            }
            long now = System.nanoTime();
            var content = Api.JSON
                    .readTree(frame.payload())
                    .path("event")
                    .path("message")
                    .path("content")
                    .asString();
            var matcher = E2E.matcher(content);
            if (matcher.find()) {
                long micros = Math.max(0, now - Long.parseLong(matcher.group(1))) / 1000;
                synchronized (histogram) {
                    histogram.recordValue(micros);
                }
                int k = Integer.parseInt(matcher.group(2));
                if (k < byWrite.length) {
                    byWrite[k] = micros / 1000;
                }
                received.incrementAndGet();
            }
            // The ACK, as the SDKs write it: the frame echoed, biz_rt added, the payload {"code":200}.
            var headers = new ArrayList<>(frame.headers());
            headers.add(new Frame.Header("biz_rt", "0"));
            send(new Frame(
                    frame.seqId(),
                    frame.logId(),
                    frame.service(),
                    frame.method(),
                    headers,
                    frame.payloadEncoding(),
                    frame.payloadType(),
                    ACK,
                    frame.logIdNew()));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (open.remove(this)) {
                closedByServer.incrementAndGet();
                fail("closed by the server while open: " + statusCode + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (open.remove(this)) {
                closedByServer.incrementAndGet();
                fail("error while open: " + error);
            }
        }
    }
}
