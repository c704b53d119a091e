package dev.larkspur.bench;

import dev.larkspur.bench.Wrk.Call;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What metrics cost a send: the send load of the benchmark (32 keep-alive connections, one chat of
 * ten) on H2, with {@code LARKSPUR_METRICS_ENABLED} true and false in turn, several rounds so that
 * a noisy machine shows as spread; writes {@code metrics-cost.md}. Run after {@code ./mvnw package}:
 * {@code java -cp ... dev.larkspur.bench.MetricsCost [--rounds 3] [--seconds 10] [--out bench/results]}.
 */
public final class MetricsCost {
    private static final String ADMIN_TOKEN = "lsa-bench-admin-token";
    private static final int CONNECTIONS = 32;

    private MetricsCost() {}

    public static void main(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        var step = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "10")));
        Path out = Path.of(options.getOrDefault("out", "bench/results"));
        Path jar;
        try (var files = Files.list(Path.of("server", "target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("larkspur-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow();
        }
        Path work = Files.createTempDirectory("larkspur-metrics-cost-");
        var db = Database.h2(work.resolve("data"));
        var fixture = new Fixture(1_000);
        var env = new HashMap<>(db.serverEnv());
        env.put("LARKSPUR_DATA_DIR", work.resolve("data").toString());
        env.put("LARKSPUR_SEED", fixture.writeSeed(work).toString());
        env.put("LARKSPUR_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("LARKSPUR_RATE_LIMIT_ENABLED", "false");
        env.put("LARKSPUR_MESSAGES_PER_CHAT_PER_SECOND", "0");
        try (var server = BenchServer.start(jar, env, work.resolve("server-0.log"), null)) {
            fixture.buildChats(new Api(server.baseUrl));
        }
        var results = new HashMap<Boolean, List<Double>>();
        int run = 0;
        for (int round = 0; round < rounds; round++) {
            for (boolean metrics : new boolean[] {true, false}) {
                var withMetrics = new HashMap<>(env);
                withMetrics.put("LARKSPUR_METRICS_ENABLED", String.valueOf(metrics));
                run++;
                try (var server = BenchServer.start(jar, withMetrics, work.resolve("server-" + run + ".log"), null)) {
                    var wrk = new Wrk(Path.of("bench/wrk/api.lua").toAbsolutePath(), work);
                    String send = server.baseUrl + "/open-apis/im/v1/messages?receive_id_type=chat_id";
                    fixture.buildToken(new Api(server.baseUrl));
                    var call = Call.post(
                            send,
                            Api.JSON.writeValueAsString(Map.of(
                                    "receive_id", fixture.chat10, "msg_type", "text", "content", "{\"text\":\"hi\"}")),
                            fixture.token);
                    wrk.run(call, CONNECTIONS, step);
                    var latency = wrk.run(call, CONNECTIONS, step);
                    results.computeIfAbsent(metrics, k -> new ArrayList<>()).add(latency.perSecond());
                    System.out.printf(
                            "round %d, metrics %s: %.0f sends/s, p99 %.2f ms, %d errors%n",
                            round + 1, metrics, latency.perSecond(), latency.p99(), latency.errors());
                }
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("metrics-cost.md"), report(results, rounds, step));
        System.out.println("report: " + out.resolve("metrics-cost.md"));
        System.exit(0);
    }

    private static String report(Map<Boolean, List<Double>> results, int rounds, Duration step) {
        var on = results.get(true);
        var off = results.get(false);
        double medianOn = median(on);
        double medianOff = median(off);
        double cost = (medianOff - medianOn) / medianOff * 100;
        var text = new StringBuilder();
        text.append("# What metrics cost a send\n\n");
        text.append(String.format(
                "Run %s on %d cores, load average %.1f at the end, %s. `im/v1/messages` (text, a chat of ten)"
                        + " with wrk over %d keep-alive connections on H2, %d s warm-up then %d s measured,"
                        + " the server restarted with `LARKSPUR_METRICS_ENABLED` true or false in turn, %d rounds."
                        + " Produced by `dev.larkspur.bench.MetricsCost`.%n%n",
                Instant.now().toString().substring(0, 19) + "Z",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                CONNECTIONS,
                step.toSeconds(),
                step.toSeconds(),
                rounds));
        text.append("| round | metrics on: sends/s | metrics off: sends/s |\n|---|---|---|\n");
        for (int i = 0; i < rounds; i++) {
            text.append(String.format("| %d | %,.0f | %,.0f |%n", i + 1, on.get(i), off.get(i)));
        }
        text.append(String.format("| median | %,.0f | %,.0f |%n%n", medianOn, medianOff));
        text.append(String.format(
                "Metrics cost %.1f%% of send throughput (median against median; a negative figure is noise)."
                        + " The target is under 5%%: **%s**.%n",
                cost, cost < 5 ? "met" : "not met"));
        return text.toString();
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
