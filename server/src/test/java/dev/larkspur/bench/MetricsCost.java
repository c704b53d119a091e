package dev.larkspur.bench;

import dev.larkspur.bench.Wrk.Call;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What metrics cost a send: the send load of the benchmark (32 keep-alive connections, one chat of
 * ten) on H2, against two servers running side by side from copies of one seeded database, one
 * with {@code LARKSPUR_METRICS_ENABLED} true and one with it false. After both are warmed up, each
 * round loads one and then the other for the same time, alternating which goes first, and takes
 * sends per second and the server's CPU time per send. Pairing the rounds this way puts both
 * servers under the same machine noise and the same JIT state, which restarting one server per
 * setting did not (the same setting then varied by 40% between rounds). Writes {@code
 * metrics-cost.md}. Run after {@code ./mvnw package}: {@code java -cp ...
 * dev.larkspur.bench.MetricsCost [--rounds 9] [--seconds 10] [--out bench/results] [--profile
 * true]}; {@code --profile true} leaves a Java Flight Recording of each server beside the report.
 */
public final class MetricsCost {
    private static final String ADMIN_TOKEN = "lsa-bench-admin-token";
    private static final int CONNECTIONS = 32;
    private static final Duration WARM_UP = Duration.ofSeconds(30);

    private MetricsCost() {}

    /** One server's figures in one round. */
    record Slice(double sendsPerSecond, double cpuMicrosPerSend, long errors) {}

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(2);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "9"));
        var step = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "10")));
        Path out = Path.of(options.getOrDefault("out", "bench/results"));
        boolean profile = Boolean.parseBoolean(options.getOrDefault("profile", "false"));
        Files.createDirectories(out);
        Path jar;
        try (var files = Files.list(Path.of("server", "target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("larkspur-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow();
        }
        Path work = Files.createTempDirectory("larkspur-metrics-cost-");
        var fixture = new Fixture(1_000);
        var env = new HashMap<String, String>();
        env.put("LARKSPUR_SEED", fixture.writeSeed(work).toString());
        env.put("LARKSPUR_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("LARKSPUR_RATE_LIMIT_ENABLED", "false");
        env.put("LARKSPUR_MESSAGES_PER_CHAT_PER_SECOND", "0");
        Path seeded = work.resolve("seeded");
        try (var server = BenchServer.start(jar, withData(env, seeded), work.resolve("seed.log"), null)) {
            fixture.buildChats(new Api(server.baseUrl));
        }
        var on = withData(env, copy(seeded, work.resolve("on")));
        on.put("LARKSPUR_METRICS_ENABLED", "true");
        var off = withData(env, copy(seeded, work.resolve("off")));
        off.put("LARKSPUR_METRICS_ENABLED", "false");
        var slices = Map.<Boolean, List<Slice>>of(true, new ArrayList<>(), false, new ArrayList<>());
        var wrk = new Wrk(Path.of("bench/wrk/api.lua").toAbsolutePath(), work);
        try (var withMetrics = BenchServer.start(
                        jar, on, work.resolve("on.log"), profile ? out.resolve("metrics-on.jfr") : null);
                var withoutMetrics = BenchServer.start(
                        jar, off, work.resolve("off.log"), profile ? out.resolve("metrics-off.jfr") : null)) {
            var calls = Map.of(true, send(fixture, withMetrics), false, send(fixture, withoutMetrics));
            var pids = Map.of(true, withMetrics.pid(), false, withoutMetrics.pid());
            for (boolean metrics : new boolean[] {true, false}) {
                wrk.run(calls.get(metrics), CONNECTIONS, WARM_UP);
            }
            for (int round = 0; round < rounds; round++) {
                boolean first = round % 2 == 0;
                for (boolean metrics : new boolean[] {first, !first}) {
                    var slice = slice(wrk, calls.get(metrics), pids.get(metrics), step);
                    slices.get(metrics).add(slice);
                    System.out.printf(
                            "round %d, metrics %s: %.0f sends/s, %.0f server CPU µs/send, %d errors%n",
                            round + 1, metrics, slice.sendsPerSecond(), slice.cpuMicrosPerSend(), slice.errors());
                }
            }
        }
        Files.writeString(out.resolve("metrics-cost.md"), report(slices, step));
        System.out.println("report: " + out.resolve("metrics-cost.md"));
    }

    private static Call send(Fixture fixture, BenchServer server) throws IOException {
        fixture.buildToken(new Api(server.baseUrl));
        return Call.post(
                server.baseUrl + "/open-apis/im/v1/messages?receive_id_type=chat_id",
                Api.JSON.writeValueAsString(
                        Map.of("receive_id", fixture.chat10, "msg_type", "text", "content", "{\"text\":\"hi\"}")),
                fixture.token);
    }

    private static Slice slice(Wrk wrk, Call call, long pid, Duration step) {
        var before = Cpu.Reading.of(pid, false);
        var latency = wrk.run(call, CONNECTIONS, step);
        double cpu = Cpu.Reading.of(pid, false)
                .since(before, latency.requests() - latency.errors())
                .processMicrosPerOp();
        return new Slice(latency.perSecond(), cpu, latency.errors());
    }

    private static Map<String, String> withData(Map<String, String> env, Path dataDir) {
        var copy = new HashMap<>(env);
        copy.put("LARKSPUR_DATA_DIR", dataDir.toString());
        return copy;
    }

    /** A copy of a stopped server's data folder (its H2 file and blobs). */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Files.copy(source, to.resolve(from.relativize(source).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    private static String report(Map<Boolean, List<Slice>> slices, Duration step) {
        var on = slices.get(true);
        var off = slices.get(false);
        int rounds = on.size();
        var throughputCost = new ArrayList<Double>();
        var cpuCost = new ArrayList<Double>();
        for (int i = 0; i < rounds; i++) {
            throughputCost.add((1 - on.get(i).sendsPerSecond() / off.get(i).sendsPerSecond()) * 100);
            cpuCost.add((on.get(i).cpuMicrosPerSend() / off.get(i).cpuMicrosPerSend() - 1) * 100);
        }
        double throughput = median(throughputCost);
        double cpu = median(cpuCost);
        var text = new StringBuilder();
        text.append("# What metrics cost a send\n\n");
        text.append(String.format(
                "Run %s on %d cores, load average %.1f at the end, %s. `im/v1/messages` (text, a chat of ten)"
                        + " with wrk over %d keep-alive connections on H2, against two servers side by side from"
                        + " copies of one seeded database, `LARKSPUR_METRICS_ENABLED` true on one and false on the"
                        + " other. Both warmed up for %d s; then %d rounds, each loading one server and then the"
                        + " other for %d s, alternating which goes first. CPU is the server process's CPU time per"
                        + " successful send. Produced by `dev.larkspur.bench.MetricsCost`.%n%n",
                Instant.now().toString().substring(0, 19) + "Z",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                CONNECTIONS,
                WARM_UP.toSeconds(),
                rounds,
                step.toSeconds()));
        text.append("| round | metrics on: sends/s | CPU µs/send | metrics off: sends/s | CPU µs/send"
                + " | throughput cost | CPU cost |\n|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < rounds; i++) {
            text.append(String.format(
                    "| %d | %,.0f | %,.0f | %,.0f | %,.0f | %.1f%% | %.1f%% |%n",
                    i + 1,
                    on.get(i).sendsPerSecond(),
                    on.get(i).cpuMicrosPerSend(),
                    off.get(i).sendsPerSecond(),
                    off.get(i).cpuMicrosPerSend(),
                    throughputCost.get(i),
                    cpuCost.get(i)));
        }
        long errors = Stream.concat(on.stream(), off.stream())
                .mapToLong(Slice::errors)
                .sum();
        text.append(String.format("| median | | | | | %.1f%% | %.1f%% |%n%n", throughput, cpu));
        text.append(String.format(
                "Metrics cost %.1f%% of send throughput and %.1f%% more server CPU per send (medians of the"
                        + " rounds' paired figures; a negative figure is noise). %d calls failed. The target is"
                        + " under 5%% of send throughput: **%s**.%n",
                throughput, cpu, errors, throughput < 5 ? "met" : "not met"));
        return text.toString();
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
