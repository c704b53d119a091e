package dev.larkspur.bench;

import dev.larkspur.bench.Bench.Plan;
import dev.larkspur.bench.Wrk.Call;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One database's run, step by step; each step prints its figures as it goes. */
final class BenchRun {
    private static final String ADMIN_TOKEN = "lsa-bench-admin-token";
    private static final Duration BURST = Duration.ofSeconds(2);

    private final Plan plan;
    private final Path jar;
    private final Path work;
    private final Path out;
    private final boolean profile;
    private final Fixture fixture = new Fixture(1_000);
    private final RealisticChats realistic;
    private final InspectorFixture deliveries = new InspectorFixture();
    private int serverRuns;

    BenchRun(Plan plan, Path jar, Path work, Path out, boolean profile) {
        this.plan = plan;
        this.jar = jar;
        this.work = work;
        this.out = out;
        this.profile = profile;
        this.realistic = new RealisticChats(plan.realisticChats(), plan.realisticMaxMembers());
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
        // A long-connection backlog waits for its client instead of failing as "not online" (DeliveryRate).
        env.put("LARKSPUR_LONGCONNECTION_UNCLAIMEDGRACE", DeliveryRate.UNCLAIMED_GRACE);
        var result = RunResult.empty(db.name());
        result.environment().putAll(Environment.of(db.name()));
        result.environment().put("long_connection_unclaimed_grace", DeliveryRate.UNCLAIMED_GRACE);
        Map<String, Integer> pools;
        if (plan.connectionsOnly()) {
            try (var server = start(env, db)) {
                connections(server, new Api(server.baseUrl), result);
            }
            return result;
        }

        try (var server = start(env, db)) {
            var api = new Api(server.baseUrl);
            if (!plan.consoleOnly()) {
                fixture.buildChats(api);
                if (realistic.chats() > 0) {
                    realistic.build(api, fixture);
                }
            }
            pools = Environment.pools(api, ADMIN_TOKEN);
            result.environment().put("pools", pools);
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
        long filling;
        if (!plan.sendsOnly()) {
            step("fill: %,d history messages, %,d members", plan.historyMessages(), plan.chatMembers());
            filling = System.nanoTime();
            fixture.fill(db, plan.historyMessages(), plan.chatMembers());
            step("  filled in %.1f s", (System.nanoTime() - filling) / 1e9);
            result.sizes().put("history_messages", plan.historyMessages());
            result.sizes().put("chat_members", plan.chatMembers());
            step(
                    "fill web: a chat of %,d messages, %,d chats of one person",
                    plan.webHistoryMessages(), plan.webChats());
            filling = System.nanoTime();
            fixture.fillWeb(db, plan.webHistoryMessages(), plan.webChats());
            step("  filled in %.1f s", (System.nanoTime() - filling) / 1e9);
            result.sizes().put("web_chat_messages", plan.webHistoryMessages());
            result.sizes().put("web_person_chats", (long) plan.webChats());
        }
        if (realistic.chats() > 0) {
            step(
                    "fill realistic: %,d chats of %d to %d people",
                    realistic.chats(), RealisticChats.MIN_MEMBERS, plan.realisticMaxMembers());
            filling = System.nanoTime();
            realistic.fill(db);
            step("  filled in %.1f s, %,d memberships", (System.nanoTime() - filling) / 1e9, realistic.memberRows());
            result.sizes().put("realistic_chats", (long) realistic.chats());
            result.sizes().put("realistic_memberships", realistic.memberRows());
        }
        if (plan.webOnly()) {
            try (var server = start(env, db)) {
                web(server, result);
            }
            return result;
        }

        var sends = new SendLoads(plan, fixture, result);
        int requestPool = Environment.requestPool(pools);
        if (db.name().equals("h2")) {
            // The embedded file admits one process: the ceiling runs in the bench while the server is down.
            sends.ceiling(db, requestPool);
        }

        try (var server = start(env, db)) {
            var wrk = new Wrk(Path.of("bench/wrk/api.lua").toAbsolutePath(), work);
            String send = server.baseUrl + "/open-apis/im/v1/messages?receive_id_type=chat_id";
            var api = new Api(server.baseUrl);
            fixture.buildToken(api);
            wrk.run(Call.post(send, SendLoads.body(fixture.chat10), fixture.token), 32, plan.warmUp());
            wrk.run(Call.get(server.baseUrl + "/healthz", null), 32, plan.warmUp());
            awaitFanOut(api);
            if (!db.name().equals("h2")) {
                // Beside the server, up and idle, holding its pools as it does under load.
                sends.ceiling(db, requestPool);
            }

            if (!plan.sendsOnly()) {
                readsAndEvents(server, wrk, api, result);
            }
            sends.loads(server, api, wrk, work, realistic, ADMIN_TOKEN);
            // Last: when the server cannot keep up, the open loop leaves it a backlog.
            sends.openLoops(server, api);
            if (plan.deliveryBacklog() > 0) {
                sends.deliveryRates(api, ADMIN_TOKEN);
            }
        }
        return result;
    }

    /** History and members pages, the web client, the inspector, event delivery and idle connections. */
    private void readsAndEvents(BenchServer server, Wrk wrk, Api api, RunResult result) throws Exception {
        // Reads and events first, on a quiet server; then the loads, each after fan-out has
        // caught up with the one before, so that no step pays for another's events.
        String history = server.baseUrl + "/open-apis/im/v1/messages?container_id_type=chat&page_size="
                + Fixture.HISTORY_PAGE + "&container_id=" + fixture.historyChat;
        String members = server.baseUrl + "/open-apis/im/v1/chats/" + fixture.membersChat
                + "/members?member_id_type=open_id&page_size=" + Fixture.MEMBERS_PAGE;
        var pages = new LinkedHashMap<String, String>();
        pages.put("history_first", history + "&sort_type=ByCreateTimeAsc");
        pages.put("history_last", history + "&sort_type=ByCreateTimeAsc&page_token=" + fixture.historyLastPage);
        pages.put("history_newest", history + "&sort_type=ByCreateTimeDesc");
        pages.put("members_first", members);
        pages.put("members_last", members + "&page_token=" + fixture.membersLastPage);
        // The server has just started, and its JIT compiles the read paths over the first seconds
        // (the machine was 163% busy with one client reading pages one at a time): each page is
        // read unmeasured first, as the sends are.
        pages.values().forEach(url -> wrk.run(Call.get(url, fixture.token), 1, plan.pageStep()));
        pages.forEach((name, url) -> page(wrk, result, name, url));
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
        var isolated = Isolation.measure(api, ADMIN_TOKEN, plan.smoke() ? 50 : 500, plan.eventRate(), plan.eventsFor());
        isolated.forEach((mode, r) -> events(result, mode + "_isolated", r));
        awaitFanOut(api);
        connections(server, api, result);
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

    /**
     * Waits until fan-out has handled every recorded event (each send records one), and says how
     * long that took when it was behind.
     */
    static void awaitFanOut(Api api) {
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

    /**
     * Issue 14's many long connections: opened, idle (CPU, heap per connection, RSS), then pushed to
     * (a sample of their apps). The heap per connection is issue 13 item 5's "tens of kilobytes".
     */
    private void connections(BenchServer server, Api api, RunResult result) {
        step("long connections: opening %,d", plan.longConnections());
        var r = ManyConnections.measure(
                api,
                ADMIN_TOKEN,
                server.pid(),
                plan.longConnections(),
                plan.longConnectionEvents(),
                plan.longConnectionsOpenSeconds(),
                plan.smoke() ? 2 : 10);
        step(
                "long connections: %,d of %,d opened in %.1f s (%,d failed, %,d closed by the server, %,d endpoint"
                        + " calls retried), heap after GC"
                        + " %,d KB -> %,d KB (%.1f KB each), RSS %,d KB -> %,d KB (%.1f KB each), idle CPU %.1f%% (%.1f%% with"
                        + " none open) of a core over %.1f s, %,d pongs; pushes to %d apps: %d of %d received, %d recorded"
                        + " delivered, p50 %.2f ms, p99 %.2f ms; load average %.2f",
                r.opened(),
                r.target(),
                r.openSeconds(),
                r.failed(),
                r.closedByServer(),
                r.endpointRetries(),
                r.heapBeforeKb(),
                r.heapAfterKb(),
                r.heapKbPerConnection(),
                r.rssBeforeKb(),
                r.rssAfterKb(),
                r.rssKbPerConnection(),
                r.idleCpuPercent(),
                r.baselineCpuPercent(),
                r.idleSeconds(),
                r.pongs(),
                r.sampledApps(),
                r.received(),
                r.events(),
                r.deliveredByServer(),
                r.latency().p50(),
                r.latency().p99(),
                r.loadAverage());
        if (!r.failures().isEmpty()) {
            step("  failures: %s", r.failures());
        }
        result.connections().put("long_connections", r);
        result.sizes().put("idle_connections", (long) r.opened());
        result.sizes().put("idle_connection_heap_bytes", Math.round(r.heapKbPerConnection() * 1024));
    }

    private static void events(RunResult result, String name, EventLatency.Result r) {
        step(
                "events %-16s %d/%d received, %.0f deliveries/s (%.0f during the sends, %.0f after),"
                        + " p50 %.2f ms, p99 %.2f ms",
                name,
                r.received(),
                r.sent(),
                r.deliveriesPerSecond(),
                r.duringSendsPerSecond(),
                r.afterSendsPerSecond(),
                r.latency().p50(),
                r.latency().p99());
        result.events().put(name, r);
    }

    /** A line of the bench's log, after the UTC time: ProfileSummary's --from and --to cut a profile to one step. */
    static void step(String format, Object... args) {
        System.out.println(LocalTime.now(ZoneOffset.UTC).withNano(0) + " " + String.format(format, args));
    }
}
