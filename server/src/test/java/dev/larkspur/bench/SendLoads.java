package dev.larkspur.bench;

import dev.larkspur.bench.Bench.Plan;
import dev.larkspur.bench.RunResult.Point;
import dev.larkspur.bench.Wrk.Call;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * The send measurements of one run, each with the load average when it began and the CPU it cost
 * per call: the database ceiling, the HTTP floor, sends into one chat at each concurrency, the same
 * concurrency spread over many chats, the realistic load, and the open loops.
 */
final class SendLoads {
    static final String TEXT = "{\"text\":\"Benchmark message: the quick brown fox jumps over the lazy dog\"}";
    private static final String SEND = "/open-apis/im/v1/messages?receive_id_type=chat_id";

    private final Plan plan;
    private final Fixture fixture;
    private final RunResult result;

    SendLoads(Plan plan, Fixture fixture, RunResult result) {
        this.plan = plan;
        this.fixture = fixture;
        this.result = result;
    }

    /**
     * The database ceiling at each concurrency, with the connections the server's request pool would
     * give its sends (and no more than the database has free); the ceiling's own process and
     * PostgreSQL's CPU per transaction beside it.
     */
    void ceiling(Database db, int requestPool) throws Exception {
        var ceiling = new DbCeiling(db, fixture.ceilingChat);
        var points = new ArrayList<Point>();
        for (int c : plan.concurrency()) {
            int connections = ceiling.connections(c, requestPool);
            double load = Cpu.loadAverage();
            var measured = ceiling.run(connections, plan.step());
            points.add(print("db_ceiling", new Point(c, measured.latency(), load, connections, measured.cost(), null)));
        }
        ceiling.cleanUp();
        result.loads().put("db_ceiling", points);
    }

    /** The HTTP floor and the send loads, on the running server. */
    void loads(BenchServer server, Api api, Wrk wrk, Path work, RealisticChats realistic, String adminToken)
            throws Exception {
        String send = server.baseUrl + SEND;
        load(server, api, wrk, "http_floor", Call.get(server.baseUrl + "/healthz", null), plan.concurrency());
        load(server, api, wrk, "send_chat10", Call.post(send, body(fixture.chat10), fixture.token), plan.concurrency());
        load(
                server,
                api,
                wrk,
                "send_chat1000",
                Call.post(send, body(fixture.chat1000), fixture.token),
                plan.concurrency());
        var spread = new StringBuilder();
        fixture.spreadChats.forEach(chat -> spread.append(body(chat)).append('\n'));
        Path spreadBodies = Files.writeString(work.resolve("spread-bodies.txt"), spread);
        load(
                server,
                api,
                wrk,
                "send_spread",
                Call.postEach(send, spreadBodies, fixture.token),
                List.of(SendReport.hot(plan)));
        if (realistic.chats() > 0) {
            try (var sink = CallbackSink.forApp(api, adminToken, Fixture.MENTIONED)) {
                var bodies = realistic.bodies(work, "Realistic load");
                load(
                        server,
                        api,
                        wrk,
                        "send_realistic",
                        Call.postEach(send, bodies, fixture.token),
                        List.of(SendReport.hot(plan)));
                long pushed = awaitSteady(sink);
                BenchRun.step("  the mentioned bot was pushed %,d events", pushed);
                result.sizes().put("realistic_pushes", pushed);
            }
        }
    }

    /**
     * Open loops at a fixed rate, last in the run since a server that cannot keep up is left with a
     * backlog: the plan's rate, and half the capacity the closed loop into one chat measured.
     */
    void openLoops(BenchServer server, Api api) {
        int half = halfCapacity();
        for (int rate : List.of(plan.fixedRate(), half)) {
            var fixed = new FixedRate().measure(rate, plan.fixedRateFor(), sendIntoChat10(api));
            BenchRun.step(
                    "send at %,d/s (load %.2f): p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, %d failed, %d dropped by the"
                            + " generator, schedule lag p99 %.2f ms%s",
                    rate,
                    fixed.loadAverage(),
                    fixed.latency().p50(),
                    fixed.latency().p99(),
                    fixed.latency().p999(),
                    fixed.serverFailures(),
                    fixed.drops(),
                    fixed.lagP99Ms(),
                    fixed.sustained() ? "" : " (the generator could not keep this rate)");
            result.openLoops()
                    .put(rate == half && rate != plan.fixedRate() ? "send_half_capacity" : "send_at_" + rate, fixed);
            BenchRun.awaitFanOut(api);
        }
    }

    /** Half the capacity the closed loop into one chat measured, in tens a second (at least 10). */
    int halfCapacity() {
        return (int) Math.max(10, Math.round(result.best("send_chat10") / 2 / 10) * 10);
    }

    /** The open loops' send: a text into the chat of 10. */
    LongFunction<HttpRequest> sendIntoChat10(Api api) {
        return n -> api.request(
                "POST", SEND, Map.of("receive_id", fixture.chat10, "msg_type", "text", "content", TEXT), fixture.token);
    }

    /**
     * Deliveries per second from a backlog by each mode, free-running and while sends go on at half
     * the capacity (issue 14).
     */
    void deliveryRates(Api api, String adminToken) throws Exception {
        int backlog = plan.deliveryBacklog();
        int rate = halfCapacity();
        var send = sendIntoChat10(api);
        for (var mode : DeliveryRate.MODES) {
            BenchRun.step("delivery %s: a backlog of %,d, then sends at %,d/s", mode.name(), backlog, rate);
            var r = mode.name().equals("callback")
                    ? DeliveryRate.callback(api, adminToken, backlog, rate, plan.fixedRateFor(), send)
                    : DeliveryRate.longConnection(api, adminToken, backlog, rate, plan.fixedRateFor(), send);
            BenchRun.step(
                    "  free-running %,.0f/s over %,d; under sends %,.0f/s over %,d; %,d of %,d delivered",
                    r.freePerSecond(), r.freeCount(), r.loadedPerSecond(), r.loadedCount(), r.delivered(), r.backlog());
            result.deliveries().put(mode.name(), r);
            BenchRun.awaitFanOut(api);
        }
    }

    private void load(BenchServer server, Api api, Wrk wrk, String name, Call call, List<Integer> concurrencies) {
        boolean postgres = result.database().equals("postgresql");
        var points = new ArrayList<Point>();
        for (int c : concurrencies) {
            double load = Cpu.loadAverage();
            var before = Cpu.Reading.of(server.pid(), postgres);
            var latency = wrk.run(call, c, plan.step());
            var window = Cpu.Reading.of(server.pid(), postgres).since(before, latency.requests());
            BenchRun.awaitFanOut(api);
            var withBacklog = Cpu.Reading.of(server.pid(), postgres).since(before, latency.requests());
            points.add(print(name, new Point(c, latency, load, 0, window, withBacklog)));
        }
        result.loads().put(name, points);
    }

    /** Waits (at most 30 s) until the sink has had no push for a second; returns how many it had. */
    private static long awaitSteady(CallbackSink sink) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long seen = -1;
        while (sink.pushes() != seen && System.nanoTime() < deadline) {
            seen = sink.pushes();
            BenchServer.sleep(1_000);
        }
        return sink.pushes();
    }

    private static Point print(String name, Point p) {
        var l = p.latency();
        BenchRun.step(
                "%-14s c=%-3d %,9.0f/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  %d errors  load %.2f  cpu %s",
                name,
                p.concurrency(),
                l.perSecond(),
                l.p50(),
                l.p99(),
                l.p999(),
                l.errors(),
                p.loadAverage(),
                p.cpu() == null
                        ? "–"
                        : "%.0f µs/call (+pg %.0f)"
                                .formatted(p.cpu().processMicrosPerOp(), p.cpu().postgresMicrosPerOp()));
        return p;
    }

    static String body(String chatId) {
        return Api.JSON.writeValueAsString(Map.of("receive_id", chatId, "msg_type", "text", "content", TEXT));
    }
}
