package dev.larkspur.bench;

import dev.larkspur.bench.Bench.Plan;
import dev.larkspur.bench.RunResult.Point;
import dev.larkspur.bench.Wrk.Call;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One database's run, step by step; each step prints its figures as it goes. */
final class BenchRun {
    private static final String ADMIN_TOKEN = "lsa-bench-admin-token";
    private static final Duration BURST = Duration.ofSeconds(2);
    private static final int IDLE_CONNECTIONS = 200;
    private static final String TEXT = "{\"text\":\"Benchmark message: the quick brown fox jumps over the lazy dog\"}";

    private final Plan plan;
    private final Path jar;
    private final Path work;
    private final Path out;
    private final boolean profile;
    private final Fixture fixture = new Fixture(1_000);
    private final InspectorFixture deliveries = new InspectorFixture();
    private int serverRuns;

    BenchRun(Plan plan, Path jar, Path work, Path out, boolean profile) {
        this.plan = plan;
        this.jar = jar;
        this.work = work;
        this.out = out;
        this.profile = profile;
    }

    RunResult measure(String name) throws Exception {
        Files.createDirectories(work);
        var db = name.equals("h2") ? Database.h2(work.resolve("data")) : Database.postgres();
        var env = new HashMap<>(db.serverEnv());
        env.put("LARKSPUR_DATA_DIR", work.resolve("data").toString());
        env.put("LARKSPUR_SEED", fixture.writeSeed(work).toString());
        env.put("LARKSPUR_ADMIN_TOKEN", ADMIN_TOKEN);
        // Feishu's per-app and per-chat limits would cap the load at 50 and 5 calls a second.
        env.put("LARKSPUR_RATE_LIMIT_ENABLED", "false");
        env.put("LARKSPUR_MESSAGES_PER_CHAT_PER_SECOND", "0");
        env.put("LARKSPUR_CHAT_MAX_MEMBERS", String.valueOf(plan.chatMembers() + 1_000));
        var result = RunResult.empty(db.name());

        try (var server = start(env, db)) {
            if (!plan.consoleOnly()) {
                fixture.buildChats(new Api(server.baseUrl));
            }
        }
        if (plan.consoleDeliveries() > 0) {
            step("fill console: %,d deliveries", plan.consoleDeliveries());
            long seeding = System.nanoTime();
            deliveries.fill(db, plan.consoleDeliveries());
            step("  filled in %.1f s", (System.nanoTime() - seeding) / 1e9);
            result.sizes().put("console_deliveries", plan.consoleDeliveries());
        }
        if (plan.consoleOnly()) {
            try (var server = start(env, db)) {
                console(server, result);
            }
            return result;
        }
        step("fill: %,d history messages, %,d members", plan.historyMessages(), plan.chatMembers());
        long filling = System.nanoTime();
        fixture.fill(db, plan.historyMessages(), plan.chatMembers());
        step("  filled in %.1f s", (System.nanoTime() - filling) / 1e9);
        result.sizes().put("history_messages", plan.historyMessages());
        result.sizes().put("chat_members", plan.chatMembers());
        step("fill web: a chat of %,d messages, %,d chats of one person", plan.webHistoryMessages(), plan.webChats());
        filling = System.nanoTime();
        fixture.fillWeb(db, plan.webHistoryMessages(), plan.webChats());
        step("  filled in %.1f s", (System.nanoTime() - filling) / 1e9);
        result.sizes().put("web_chat_messages", plan.webHistoryMessages());
        result.sizes().put("web_person_chats", (long) plan.webChats());
        if (plan.webOnly()) {
            try (var server = start(env, db)) {
                web(server, result);
            }
            return result;
        }

        var ceiling = new DbCeiling(db, fixture.ceilingChat);
        var points = new ArrayList<Point>();
        for (int c : plan.concurrency()) {
            points.add(print("db_ceiling", c, ceiling.run(c, plan.step())));
        }
        ceiling.cleanUp();
        result.loads().put("db_ceiling", points);

        try (var server = start(env, db)) {
            var wrk = new Wrk(Path.of("bench/wrk/api.lua").toAbsolutePath(), work);
            String send = server.baseUrl + "/open-apis/im/v1/messages?receive_id_type=chat_id";
            var api = new Api(server.baseUrl);
            fixture.buildToken(api);
            wrk.run(Call.post(send, body(fixture.chat10), fixture.token), 32, plan.warmUp());
            wrk.run(Call.get(server.baseUrl + "/healthz", null), 32, plan.warmUp());
            awaitFanOut(api);

            // Reads and events first, on a quiet server; then the loads, each after fan-out has
            // caught up with the one before, so that no step pays for another's events.
            String history = server.baseUrl + "/open-apis/im/v1/messages?container_id_type=chat&page_size="
                    + Fixture.HISTORY_PAGE + "&container_id=" + fixture.historyChat;
            page(wrk, result, "history_first", history + "&sort_type=ByCreateTimeAsc");
            page(
                    wrk,
                    result,
                    "history_last",
                    history + "&sort_type=ByCreateTimeAsc&page_token=" + fixture.historyLastPage);
            page(wrk, result, "history_newest", history + "&sort_type=ByCreateTimeDesc");
            String members = server.baseUrl + "/open-apis/im/v1/chats/" + fixture.membersChat
                    + "/members?member_id_type=open_id&page_size=" + Fixture.MEMBERS_PAGE;
            page(wrk, result, "members_first", members);
            page(wrk, result, "members_last", members + "&page_token=" + fixture.membersLastPage);
            web(server, result);
            if (plan.consoleDeliveries() > 0) {
                console(server, result);
            }

            // Latency at a rate the server keeps up with; then a burst, for how many a second it delivers.
            events(result, "callback", EventLatency.callback(api, ADMIN_TOKEN, plan.eventRate(), plan.eventsFor()));
            events(
                    result,
                    "long_connection",
                    EventLatency.longConnection(api, ADMIN_TOKEN, plan.eventRate(), plan.eventsFor()));
            awaitFanOut(api);
            events(result, "callback_burst", EventLatency.callback(api, ADMIN_TOKEN, plan.eventBurstRate(), BURST));
            events(
                    result,
                    "long_connection_burst",
                    EventLatency.longConnection(api, ADMIN_TOKEN, plan.eventBurstRate(), BURST));
            awaitFanOut(api);
            idle(server, api, result);

            result.loads().put("http_floor", load(wrk, api, "http_floor", Call.get(server.baseUrl + "/healthz", null)));
            result.loads()
                    .put(
                            "send_chat10",
                            load(wrk, api, "send_chat10", Call.post(send, body(fixture.chat10), fixture.token)));
            result.loads()
                    .put(
                            "send_chat1000",
                            load(wrk, api, "send_chat1000", Call.post(send, body(fixture.chat1000), fixture.token)));

            // Last: when the server cannot keep up, the open loop leaves it a backlog.
            var fixed = new FixedRate()
                    .run(
                            plan.fixedRate(),
                            plan.fixedRateFor(),
                            n -> api.request(
                                    "POST",
                                    "/open-apis/im/v1/messages?receive_id_type=chat_id",
                                    Map.of("receive_id", fixture.chat10, "msg_type", "text", "content", TEXT),
                                    fixture.token));
            step(
                    "send at %d/s: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, %d errors",
                    plan.fixedRate(), fixed.p50(), fixed.p99(), fixed.p999(), fixed.errors());
            result = result.withFixedRate(plan.fixedRate(), fixed);
        }
        return result;
    }

    private BenchServer start(Map<String, String> env, Database db) {
        serverRuns++;
        Path log = work.resolve("server-" + serverRuns + ".log");
        Path recording = profile
                ? out.resolve(db.name() + "-server-" + serverRuns + ".jfr").toAbsolutePath()
                : null;
        long started = System.nanoTime();
        var server = BenchServer.start(jar, env, log, recording);
        step("server up in %.1f s (%s)", (System.nanoTime() - started) / 1e9, log);
        return server;
    }

    private List<Point> load(Wrk wrk, Api api, String name, Call call) {
        var points = new ArrayList<Point>();
        for (int c : plan.concurrency()) {
            points.add(print(name, c, wrk.run(call, c, plan.step())));
            awaitFanOut(api);
        }
        return points;
    }

    /**
     * Waits until fan-out has handled every recorded event (each send records one), and says how
     * long that took when it was behind.
     */
    private static void awaitFanOut(Api api) {
        long start = System.nanoTime();
        long first = -1;
        long left;
        while ((left = api.ok("GET", "/admin/v1/events/backlog", null, ADMIN_TOKEN)
                        .path("unfanned")
                        .asLong())
                > 0) {
            first = first < 0 ? left : first;
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
                throw new IllegalStateException("fan-out still " + left + " events behind after 5 minutes");
            }
            BenchServer.sleep(100);
        }
        if (first > 0) {
            step("  fan-out caught up with %,d events in %.1f s", first, (System.nanoTime() - start) / 1e9);
        }
    }

    private void page(Wrk wrk, RunResult result, String name, String url) {
        var latency = wrk.run(Call.get(url, fixture.token), 1, plan.pageStep());
        step(
                "%-16s p50 %.2f ms, p99 %.2f ms, %,.0f/s, %d errors",
                name, latency.p50(), latency.p99(), latency.perSecond(), latency.errors());
        result.pages().put(name, latency);
    }

    /** The web client's pages, signed in as the person of many chats. */
    private void web(BenchServer server, RunResult result) {
        var pages = WebPages.signIn(server.baseUrl, Fixture.WEB_EMAIL, Fixture.WEB_PASSWORD)
                .measure(fixture.webHistoryChat, plan.pageStep());
        pages.forEach((name, latency) -> step(
                "web %-18s p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %,.0f/s, %d errors",
                name, latency.p50(), latency.p95(), latency.p99(), latency.perSecond(), latency.errors()));
        result.web().putAll(pages);
    }

    /** The delivery inspector, signed in to the console with the admin token. */
    private void console(BenchServer server, RunResult result) {
        var pages = ConsolePages.signIn(server.baseUrl, ADMIN_TOKEN).measure(deliveries, plan.pageStep());
        pages.forEach((name, latency) -> step(
                "inspector %-26s p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %,.0f/s, %d errors",
                name, latency.p50(), latency.p95(), latency.p99(), latency.perSecond(), latency.errors()));
        result.console().putAll(pages);
    }

    /** What an idle long connection costs in heap (issue 13 item 5: tens of kilobytes). */
    private static void idle(BenchServer server, Api api, RunResult result) {
        var idle = IdleConnections.measure(api, ADMIN_TOKEN, Fixture.TENANT, server.pid(), IDLE_CONNECTIONS);
        step(
                "idle long connections: %d, heap after GC %,d KB -> %,d KB, %.1f KB each",
                idle.connections(), idle.heapBeforeKb(), idle.heapAfterKb(), idle.kbPerConnection());
        result.sizes().put("idle_connections", (long) idle.connections());
        result.sizes().put("idle_connection_heap_bytes", Math.round(idle.kbPerConnection() * 1024));
    }

    private static void events(RunResult result, String name, EventLatency.Result r) {
        step(
                "events %-16s %d/%d received, %.0f deliveries/s, p50 %.2f ms, p99 %.2f ms",
                name,
                r.received(),
                r.sent(),
                r.deliveriesPerSecond(),
                r.latency().p50(),
                r.latency().p99());
        result.events().put(name, r);
    }

    private static Point print(String name, int c, Latency latency) {
        step(
                "%-14s c=%-3d %,9.0f/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  %d errors",
                name, c, latency.perSecond(), latency.p50(), latency.p99(), latency.p999(), latency.errors());
        return new Point(c, latency);
    }

    private static String body(String chatId) {
        return Api.JSON.writeValueAsString(Map.of("receive_id", chatId, "msg_type", "text", "content", TEXT));
    }

    private static void step(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
