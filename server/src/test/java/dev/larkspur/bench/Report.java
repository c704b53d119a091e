package dev.larkspur.bench;

import dev.larkspur.bench.Bench.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes results.json, report.md and the charts. */
final class Report {
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Report() {}

    static void write(Plan plan, List<RunResult> runs, Path out) throws IOException {
        var machine = new LinkedHashMap<String, Object>();
        machine.put(
                "date",
                OffsetDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("smoke", plan.smoke());
        var document = new LinkedHashMap<String, Object>();
        document.put("machine", machine);
        document.put("plan", plan);
        document.put("runs", runs);
        // A web-only run (--only web) keeps the full run's files and writes beside them.
        String prefix = plan.filePrefix();
        JSON.writeValue(out.resolve(prefix + "results.json").toFile(), document);

        var md = new StringBuilder("# Larkspur benchmark\n\n");
        md.append("Run ")
                .append(machine.get("date"))
                .append(" on ")
                .append(machine.get("cores"))
                .append(" cores, ")
                .append(machine.get("os"))
                .append(", ")
                .append(machine.get("java"))
                .append(
                        plan.smoke()
                                ? ". **Smoke run: tiny sizes and one-second steps; the figures mean nothing.**"
                                : ".")
                .append(" The server is the built jar in its own JVM (1 GB heap); the load generator (wrk, or the")
                .append(" bench's open-loop sender for fixed rates and events) runs on the same machine and shares")
                .append(" its cores. Load average when the report was written: ")
                .append(loadAverage())
                .append(" (other work on the machine slows every figure). Produced by `bench/run`; the raw")
                .append(" figures are in `")
                .append(prefix)
                .append("results.json`.\n\n");
        for (var run : runs) {
            if (plan.webOnly()) {
                md.append("## ").append(run.database()).append("\n\n");
                WebReport.section(md, plan, run);
            } else if (plan.consoleOnly()) {
                md.append("## ").append(run.database()).append("\n\n");
                ConsoleReport.section(md, plan, run);
            } else if (plan.connectionsOnly()) {
                md.append("## ").append(run.database()).append("\n\n");
                SendReport.environment(md, run);
                Targets.table(md, plan, run);
                md.append('\n');
                ConnectionReport.section(md, run);
            } else {
                section(md, plan, run, out);
            }
        }
        Files.writeString(out.resolve(prefix + "report.md"), md);
    }

    private static void section(StringBuilder md, Plan plan, RunResult run, Path out) throws IOException {
        md.append("## ").append(run.database()).append("\n\n");
        SendReport.environment(md, run);
        Targets.table(md, plan, run);
        SendReport.sends(md, plan, run);
        SendReport.hotChat(md, plan, run);
        SendReport.openLoops(md, plan, run);

        if (!plan.sendsOnly()) {
            md.append("### Pages\n\nOne client, one page after another, ")
                    .append(plan.pageStep().toSeconds())
                    .append(
                            " s each. History: a chat of %,d messages, %d a page; members: a chat of %,d people, %d a page.\n\n"
                                    .formatted(
                                            run.sizes().get("history_messages"),
                                            Fixture.HISTORY_PAGE,
                                            run.sizes().get("chat_members"),
                                            Fixture.MEMBERS_PAGE));
            md.append("| page | p50 ms | p99 ms | p99.9 ms | pages/s |\n|---|---|---|---|---|\n");
            run.pages().forEach((name, l) -> md.append("| ")
                    .append(name.replace('_', ' '))
                    .append(" | %.2f | %.2f | %.2f | %,.0f |\n".formatted(l.p50(), l.p99(), l.p999(), l.perSecond())));

            md.append('\n');
            WebReport.section(md, plan, run);
            ConsoleReport.section(md, plan, run);
            DeliveryReport.events(md, run);
        }
        DeliveryReport.rates(md, plan, run);
        ConnectionReport.section(md, run);
        md.append("\n### Charts\n\n");
        for (var chart : List.of(
                Charts.throughput(run, out),
                Charts.latency(run, "send_chat10", out),
                Charts.latency(run, "db_ceiling", out))) {
            md.append("![")
                    .append(chart.getFileName())
                    .append("](")
                    .append(chart.getFileName())
                    .append(")\n");
        }
        md.append('\n');
    }

    /** The 1-minute load average on Linux, else "unknown". */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void cells(StringBuilder md, double... values) {
        for (double v : values) {
            md.append(" | ").append(v >= 100 ? "%,.0f".formatted(v) : "%.2f".formatted(v));
        }
    }

    static String ratio(RunResult.Point part, RunResult.Point limit) {
        double of = limit.latency().perSecond();
        return of == 0 ? "–" : "%.0f%%".formatted(100 * part.latency().perSecond() / of);
    }
}
