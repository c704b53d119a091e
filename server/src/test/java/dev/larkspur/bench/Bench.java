package dev.larkspur.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: {@code bench/run} builds the jar and calls this. For each database it starts the
 * server, seeds a tenant, measures sends, history and members pages and event delivery with wrk
 * and open-loop senders, sets beside them the database ceiling and the HTTP floor, and writes
 * {@code results.json}, {@code report.md} and PNG charts to the output folder.
 *
 * <p>Arguments: {@code --smoke} (tiny sizes, seconds per step, for CI), {@code --databases
 * h2,postgresql}, {@code --out <dir>}, {@code --jar <file>}, {@code --profile} (a Java Flight
 * Recording of each server run, in the output folder), {@code --seconds <n>} (every step this long),
 * {@code --only web} (only the web client's pages, reported in web-report.md and web-results.json),
 * {@code --only console} (only the delivery inspector over a million deliveries, in
 * console-report.md and console-results.json), {@code --only sends} (only the send loads, the hot
 * chat, the realistic load and the open loops, in sends-report.md and sends-results.json), {@code
 * --only connections} (only the many long connections, in connections-report.md and
 * connections-results.json).
 */
public final class Bench {
    private Bench() {}

    /** Sizes and durations of one bench run. */
    record Plan(
            boolean smoke,
            List<Integer> concurrency,
            Duration step,
            Duration warmUp,
            Duration pageStep,
            long historyMessages,
            long chatMembers,
            int fixedRate,
            Duration fixedRateFor,
            int eventRate,
            Duration eventsFor,
            int eventBurstRate,
            long webHistoryMessages,
            int webChats,
            long consoleDeliveries,
            /* "" for the whole bench, else the one part run: web, console, sends or connections */
            String only) {
        static Plan fullRun() {
            return new Plan(
                    false,
                    List.of(1, 8, 32, 128),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(5),
                    1_000_000,
                    50_000,
                    1_000,
                    Duration.ofSeconds(15),
                    50,
                    Duration.ofSeconds(10),
                    1_000,
                    100_000,
                    1_000,
                    1_000_000,
                    "");
        }

        Plan withSteps(Duration step) {
            return new Plan(
                    smoke,
                    concurrency,
                    step,
                    step,
                    step,
                    historyMessages,
                    chatMembers,
                    fixedRate,
                    step,
                    eventRate,
                    step,
                    eventBurstRate,
                    webHistoryMessages,
                    webChats,
                    consoleDeliveries,
                    only);
        }

        /**
         * Only one part of the bench, and only its data seeded: {@code web} (the web client's pages),
         * {@code console} (the delivery inspector), {@code sends} (the send loads beside their
         * ceiling, the hot chat, the realistic load and the open loops) or {@code connections} (many
         * concurrent long connections).
         */
        Plan only(String part) {
            boolean web = part.equals("web");
            boolean console = part.equals("console");
            if (!web && !console && !part.equals("sends") && !part.equals("connections")) {
                throw new IllegalArgumentException("--only takes web, console, sends or connections, not " + part);
            }
            return new Plan(
                    smoke,
                    concurrency,
                    step,
                    warmUp,
                    pageStep,
                    0,
                    0,
                    fixedRate,
                    fixedRateFor,
                    eventRate,
                    eventsFor,
                    eventBurstRate,
                    web ? webHistoryMessages : 0,
                    web ? webChats : 0,
                    console ? consoleDeliveries : 0,
                    part);
        }

        boolean webOnly() {
            return only.equals("web");
        }

        boolean consoleOnly() {
            return only.equals("console");
        }

        boolean sendsOnly() {
            return only.equals("sends");
        }

        boolean connectionsOnly() {
            return only.equals("connections");
        }

        /** The realistic load's chats (1,000; a few in the smoke run; none in a partial run). */
        int realisticChats() {
            return webOnly() || consoleOnly() || connectionsOnly() ? 0 : smoke ? 10 : 1_000;
        }

        /** The backlog each delivery mode is measured on (none in a web or console run). */
        int deliveryBacklog() {
            return webOnly() || consoleOnly() || connectionsOnly() ? 0 : smoke ? 300 : 20_000;
        }

        /** Concurrent long connections (issue 14's 10,000; 200 in the smoke run). */
        int longConnections() {
            return smoke ? 200 : Targets.LONG_CONNECTIONS;
        }

        /** Events pushed to a sample of those connections' apps once all are open. */
        int longConnectionEvents() {
            return smoke ? 20 : 100;
        }

        /** How long opening the long connections may take. */
        long longConnectionsOpenSeconds() {
            return smoke ? 60 : 480;
        }

        /** The realistic load's largest chat (its smallest has {@link RealisticChats#MIN_MEMBERS}). */
        int realisticMaxMembers() {
            return smoke ? 20 : 500;
        }

        /** The prefix of a partial run's files, which sit beside the full run's. */
        String filePrefix() {
            return only.isEmpty() ? "" : only + "-";
        }

        static Plan smokeRun() {
            return new Plan(
                    true,
                    List.of(1, 8),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    2_000,
                    500,
                    100,
                    Duration.ofSeconds(1),
                    20,
                    Duration.ofSeconds(1),
                    100,
                    500,
                    20,
                    2_000,
                    "");
        }
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error e) {
            // Exit even when a step throws: the SDK's long-connection threads would keep the JVM,
            // and CI with it, waiting (a PostgreSQL server that did not start once hung it so).
            e.printStackTrace();
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        var options = options(args);
        var plan = options.containsKey("smoke") ? Plan.smokeRun() : Plan.fullRun();
        if (options.containsKey("seconds")) {
            plan = plan.withSteps(Duration.ofSeconds(Long.parseLong(options.get("seconds"))));
        }
        if (options.containsKey("only")) {
            plan = plan.only(options.get("only"));
        }
        Path out = Path.of(options.getOrDefault("out", "bench/results"));
        Path jar = Path.of(options.getOrDefault("jar", findJar()));
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("larkspur-bench-");
        var runs = new ArrayList<RunResult>();
        for (String name : options.getOrDefault("databases", "h2,postgresql").split(",")) {
            System.out.println("== " + name);
            var run = new BenchRun(plan, jar, work.resolve(name), out, options.containsKey("profile"));
            runs.add(run.measure(name));
        }
        Report.write(plan, runs, out);
        System.out.println("report: " + out.resolve(plan.filePrefix() + "report.md"));
        long failed = runs.stream().mapToLong(RunResult::failures).sum();
        if (plan.smoke() && failed > 0) {
            // The smoke run is CI's check that the bench still works: every call must succeed.
            System.out.println(failed + " calls failed in the smoke run");
            System.exit(1);
        }
        // The SDK's long-connection client leaves non-daemon threads behind.
        System.exit(0);
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(key, flag ? "true" : args[++i]);
        }
        return options;
    }

    private static String findJar() throws Exception {
        try (var files = Files.list(Path.of("server", "target"))) {
            return files.filter(f -> f.getFileName().toString().matches("larkspur-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no server/target/larkspur-*-exec.jar; run bench/run"))
                    .toString();
        }
    }
}
