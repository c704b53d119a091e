package dev.larkspur.bench;

import dev.larkspur.bench.Bench.Plan;
import dev.larkspur.bench.RunResult.Point;
import java.util.Map;

/**
 * The report's send sections (issue 14): the sends beside their like-for-like ceiling with CPU per
 * call, one hot chat against many, the realistic load and the open loops; every row with the load
 * average when its step began.
 */
final class SendReport {
    private SendReport() {}

    static void environment(StringBuilder md, RunResult run) {
        var env = run.environment();
        if (env.isEmpty()) {
            return;
        }
        md.append("Environment: ")
                .append(env.get("cores"))
                .append(" cores, load average %s when this database's run began, "
                        .formatted(env.get("load_average_at_start")))
                .append(env.get("jvm"))
                .append(", server heap ")
                .append(env.get("server_heap"))
                .append(", connection pools ")
                .append(pools(env.get("pools")));
        if (env.containsKey("h2_durability")) {
            md.append(", H2 durability ")
                    .append(env.get("h2_durability"))
                    .append(" with group commit ")
                    .append(env.get("h2_group_commit"));
        }
        md.append(". Each table gives the load average at the start of each of its steps.\n\n");
    }

    static void sends(StringBuilder md, Plan plan, RunResult run) {
        md.append("\n### Sends, beside their limits\n\n");
        md.append("`im/v1/messages` with a text message, wrk with N keep-alive connections for ")
                .append(plan.step().toSeconds())
                .append(" s each. The database ceiling commits the same two rows (message and outbox, the same")
                .append(" durability) as fast as it can over as many straight JDBC connections as the server's request")
                .append(" pool has (\"conns\"; never more than PostgreSQL has free); on PostgreSQL it runs beside the")
                .append(
                        " server, up and idle; on H2, whose file admits one process, in the bench with the server stopped.")
                .append(
                        " The HTTP floor is `GET /healthz` on the same server. CPU is microseconds per call: the server")
                .append(
                        " process's (the ceiling's: the bench process's) over the step, \"+ n\" PostgreSQL's processes';")
                .append(" \"after\" also counts the fan-out the step left behind.\n\n");
        md.append("| N | load | chat of 10: sends/s | p50 ms | p99 ms | p99.9 ms | CPU µs/send | after |")
                .append(" chat of 1,000: sends/s | p99 ms | CPU µs/send | ceiling tx/s | conns | CPU µs/tx |")
                .append(" HTTP floor/s | send ÷ ceiling |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int c : plan.concurrency()) {
            var ten = run.at("send_chat10", c);
            var thousand = run.at("send_chat1000", c);
            var ceiling = run.at("db_ceiling", c);
            var floor = run.at("http_floor", c);
            if (ten == null || thousand == null || ceiling == null || floor == null) {
                continue;
            }
            md.append("| ").append(c).append(" | %.2f".formatted(ten.loadAverage()));
            Report.cells(
                    md,
                    ten.latency().perSecond(),
                    ten.latency().p50(),
                    ten.latency().p99(),
                    ten.latency().p999());
            md.append(" | ").append(cpuCell(ten.cpu())).append(" | ").append(cpuCell(ten.cpuWithBacklog()));
            Report.cells(md, thousand.latency().perSecond(), thousand.latency().p99());
            md.append(" | ").append(cpuCell(thousand.cpu()));
            Report.cells(md, ceiling.latency().perSecond());
            md.append(" | ").append(ceiling.dbConnections()).append(" | ").append(cpuCell(ceiling.cpu()));
            Report.cells(md, floor.latency().perSecond());
            md.append(" | ").append(Report.ratio(ten, ceiling)).append(" |\n");
        }
        long errors = run.loads().values().stream()
                .flatMap(java.util.List::stream)
                .mapToLong(p -> p.latency().errors())
                .sum();
        md.append("\nFailed calls in these loads: ").append(errors).append(".\n\n");
    }

    static void hotChat(StringBuilder md, Plan plan, RunResult run) {
        int n = hot(plan);
        md.append("### One hot chat, many chats, a realistic tenant\n\n");
        md.append("N=%d connections: all into one chat of 10; spread over %d chats of 10; and the realistic load,"
                        .formatted(n, Fixture.SPREAD_CHATS))
                .append(" sends spread over %,d chats of %d to %d people (%,d memberships), one in %d mentioning a"
                        .formatted(
                                run.sizes().getOrDefault("realistic_chats", 0L),
                                RealisticChats.MIN_MEMBERS,
                                plan.realisticMaxMembers(),
                                run.sizes().getOrDefault("realistic_memberships", 0L),
                                RealisticChats.MENTION_EVERY))
                .append(" bot that is subscribed by callback (it was pushed %,d events).\n\n"
                        .formatted(run.sizes().getOrDefault("realistic_pushes", 0L)));
        md.append("| load | N | load avg | sends/s | p50 ms | p99 ms | CPU µs/send | after | failed |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (var row : Map.of(
                        "one chat",
                        "send_chat10",
                        "%d chats".formatted(Fixture.SPREAD_CHATS),
                        "send_spread",
                        "realistic",
                        "send_realistic")
                .entrySet()
                .stream()
                .sorted(Map.Entry.comparingByValue())
                .toList()) {
            var p = run.at(row.getValue(), n);
            if (p == null) {
                continue;
            }
            md.append("| ").append(row.getKey()).append(" | ").append(n).append(" | %.2f".formatted(p.loadAverage()));
            Report.cells(
                    md, p.latency().perSecond(), p.latency().p50(), p.latency().p99());
            md.append(" | ")
                    .append(cpuCell(p.cpu()))
                    .append(" | ")
                    .append(cpuCell(p.cpuWithBacklog()))
                    .append(" | ")
                    .append(p.latency().errors())
                    .append(" |\n");
        }
        md.append('\n');
    }

    static void openLoops(StringBuilder md, Plan plan, RunResult run) {
        if (run.openLoops().isEmpty()) {
            return;
        }
        md.append("### Open loop\n\n");
        md.append("Sends into the chat of 10 on a fixed schedule for ")
                .append(plan.fixedRateFor().toSeconds())
                .append(" s, at the plan's rate and at half the capacity measured above. Latency counts from when")
                .append(" each send was due, for every one sent, including its wait in the generator's queue (at most")
                .append(" %d on the wire at once): no coordinated omission. Failures are the server's (not HTTP 200"
                        .formatted(FixedRate.CONNECTIONS))
                .append(" with code 0, or no answer); drops are the generator's own, sends it never made because the")
                .append(" queue had not drained %d s after the last was due. Schedule lag is how late the generator"
                        .formatted(FixedRate.GRACE.toSeconds()))
                .append(" itself ran; above %.0f ms at p99 it could not offer the rate, and the row says so.\n\n"
                        .formatted(FixedRate.SUSTAINED_LAG_MS));
        md.append("| offered/s | load avg | due | answered | p50 ms | p99 ms | p99.9 ms | server failures |")
                .append(" generator drops | schedule lag p99 ms | rate offered |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        run.openLoops().forEach((name, r) -> md.append("| %,d | %.2f | %,d | %,d"
                        .formatted(
                                r.offeredPerSecond(),
                                r.loadAverage(),
                                r.due(),
                                r.latency().requests()))
                .append(" | %.2f | %.2f | %.2f | %,d | %,d | %.2f | %s |\n"
                        .formatted(
                                r.latency().p50(),
                                r.latency().p99(),
                                r.latency().p999(),
                                r.serverFailures(),
                                r.drops(),
                                r.lagP99Ms(),
                                r.sustained() ? "yes" : "**no: the generator fell behind**")));
        md.append('\n');
    }

    /** N of the hot-chat comparison: 32, or the highest concurrency below it. */
    static int hot(Plan plan) {
        return plan.concurrency().stream()
                .filter(c -> c <= 32)
                .max(Integer::compare)
                .orElse(1);
    }

    /** Process CPU per call plus PostgreSQL's, the figure the targets compare. */
    static double cpu(Point p) {
        return p.cpu() == null ? 0 : p.cpu().processMicrosPerOp() + p.cpu().postgresMicrosPerOp();
    }

    private static String cpuCell(Cpu.Cost cost) {
        if (cost == null || cost.processMicrosPerOp() <= 0) {
            return "–";
        }
        return cost.postgresMicrosPerOp() >= 1
                ? "%,.0f + %,.0f".formatted(cost.processMicrosPerOp(), cost.postgresMicrosPerOp())
                : "%,.0f".formatted(cost.processMicrosPerOp());
    }

    private static String pools(Object pools) {
        if (!(pools instanceof Map<?, ?> map) || map.isEmpty()) {
            return "unknown";
        }
        var text = new StringBuilder();
        map.forEach((name, size) ->
                text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(size));
        return text.toString();
    }
}
