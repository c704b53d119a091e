package dev.larkspur.bench;

import dev.larkspur.bench.Bench.Plan;

/**
 * The report's Targets table: issue 14's targets, in its order, each with what this run measured or
 * "not measured" (never a figure the run did not produce), and whether it was met.
 */
final class Targets {
    private static final String NOT_MEASURED = "not measured";

    /** The rate for event latency, and its long-connection count. */
    static final int EVENT_RATE = 50;

    static final int LONG_CONNECTIONS = 10_000;

    private Targets() {}

    static void table(StringBuilder md, Plan plan, RunResult run) {
        md.append("### Targets\n\n| target | measured | met |\n|---|---|---|\n");
        sends(md, plan, run);
        deliveries(md, run);
        events(md, run);
        isolation(md, run);
        history(md, run);
        longConnections(md, run);
    }

    private static void sends(StringBuilder md, Plan plan, RunResult run) {
        int n = SendReport.hot(plan);
        var send = run.at("send_chat10", n);
        var spread = run.at("send_spread", n);
        var ceiling = run.at("db_ceiling", n);
        String cpuTarget = "server CPU per send at most 2× the ceiling's CPU per transaction (N=%d)".formatted(n);
        String shareTarget = "sends/s at N=%d at least 50%% of the ceiling".formatted(n);
        if (send == null || ceiling == null) {
            row(md, cpuTarget, NOT_MEASURED, null);
            row(md, shareTarget, NOT_MEASURED, null);
        } else {
            double sendCpu = SendReport.cpu(send), ceilingCpu = SendReport.cpu(ceiling);
            row(
                    md,
                    cpuTarget,
                    ceilingCpu > 0
                            ? "%.0f µs against %.0f µs (%.1f×)".formatted(sendCpu, ceilingCpu, sendCpu / ceilingCpu)
                            : NOT_MEASURED + " (no CPU reading)",
                    ceilingCpu > 0 ? sendCpu <= 2 * ceilingCpu : null);
            double share =
                    send.latency().perSecond() / Math.max(1, ceiling.latency().perSecond());
            row(
                    md,
                    shareTarget,
                    "%,.0f of %,.0f (%.0f%%)"
                            .formatted(
                                    send.latency().perSecond(),
                                    ceiling.latency().perSecond(),
                                    100 * share),
                    share >= 0.5);
        }
        String hotTarget = "one hot chat at least 70%% of %d chats (N=%d)".formatted(Fixture.SPREAD_CHATS, n);
        if (send == null || spread == null) {
            row(md, hotTarget, NOT_MEASURED, null);
        } else {
            double hot =
                    send.latency().perSecond() / Math.max(1, spread.latency().perSecond());
            row(
                    md,
                    hotTarget,
                    "%,.0f against %,.0f (%.0f%%)"
                            .formatted(
                                    send.latency().perSecond(), spread.latency().perSecond(), 100 * hot),
                    hot >= 0.7);
        }
    }

    private static void deliveries(StringBuilder md, RunResult run) {
        for (var mode : DeliveryRate.MODES) {
            var r = run.deliveries().get(mode.name());
            String label = mode.name().replace('_', ' ');
            String free = "delivery free-running by %s at least %,d/s".formatted(label, mode.target());
            if (r == null || r.freePerSecond() <= 0) {
                row(md, free, NOT_MEASURED, null);
            } else {
                row(
                        md,
                        free,
                        "%,.0f/s over %,d of a backlog of %,d".formatted(r.freePerSecond(), r.freeCount(), r.backlog()),
                        r.freePerSecond() >= mode.target());
            }
            String loaded =
                    "delivery by %s under sends at half capacity at least 50%% of free-running".formatted(label);
            if (r == null || r.loadedPerSecond() <= 0 || r.freePerSecond() <= 0) {
                row(md, loaded, NOT_MEASURED, null);
            } else {
                double ratio = r.loadedPerSecond() / r.freePerSecond();
                row(
                        md,
                        loaded,
                        "%,.0f/s while sending %,d/s (%.0f%% of free-running)"
                                .formatted(r.loadedPerSecond(), r.sendsPerSecond(), 100 * ratio),
                        ratio >= 0.5);
            }
        }
    }

    private static void events(StringBuilder md, RunResult run) {
        for (var mode : DeliveryRate.MODES) {
            String target = "event p99 under 50 ms at %d events/s by %s"
                    .formatted(EVENT_RATE, mode.name().replace('_', ' '));
            var e = run.events().get(mode.name());
            if (e == null) {
                row(md, target, NOT_MEASURED, null);
                continue;
            }
            boolean atRate = e.offeredPerSecond() >= EVENT_RATE;
            row(
                    md,
                    target,
                    "p99 %.2f ms at %d/s, %,d of %,d received%s"
                            .formatted(
                                    e.latency().p99(),
                                    e.offeredPerSecond(),
                                    e.received(),
                                    e.sent(),
                                    atRate ? "" : " (below the target's rate)"),
                    atRate ? e.latency().p99() < 50 && e.received() >= e.sent() : null);
        }
    }

    private static void isolation(StringBuilder md, RunResult run) {
        for (var mode : DeliveryRate.MODES) {
            String target = "isolation by %s: the healthy app's p99 within 2× its solo p99 beside a hanging"
                            .formatted(mode.name().replace('_', ' '))
                    + " callback and a never-ACKing long connection";
            var solo = run.events().get(mode.name());
            var beside = run.events().get(mode.name() + "_isolated");
            if (solo == null || beside == null) {
                row(md, target, NOT_MEASURED, null);
                continue;
            }
            double ratio =
                    beside.latency().p99() / Math.max(0.001, solo.latency().p99());
            row(
                    md,
                    target,
                    "p99 %.2f ms beside them, %.2f ms solo (%.1f×), %,d of %,d received"
                            .formatted(
                                    beside.latency().p99(),
                                    solo.latency().p99(),
                                    ratio,
                                    beside.received(),
                                    beside.sent()),
                    ratio <= 2 && beside.received() >= beside.sent());
        }
    }

    private static void history(StringBuilder md, RunResult run) {
        var history = run.pages().entrySet().stream()
                .filter(e -> e.getKey().startsWith("history"))
                .toList();
        String target = "any history page under 10 ms p99 (a chat of 1,000,000 messages)";
        if (history.isEmpty()) {
            row(md, target, NOT_MEASURED, null);
            return;
        }
        var worst = history.stream()
                .max((a, b) -> Double.compare(a.getValue().p99(), b.getValue().p99()))
                .orElseThrow();
        long messages = run.sizes().getOrDefault("history_messages", 0L);
        row(
                md,
                target,
                "worst p99 %.2f ms (%s) in a chat of %,d"
                        .formatted(worst.getValue().p99(), worst.getKey().replace('_', ' '), messages),
                messages >= 1_000_000 ? worst.getValue().p99() < 10 : null);
    }

    private static void longConnections(StringBuilder md, RunResult run) {
        String target = "%,d concurrent long connections: server memory and CPU".formatted(LONG_CONNECTIONS);
        var r = run.connections().get("long_connections");
        if (r == null) {
            row(md, target, NOT_MEASURED, null);
            return;
        }
        row(
                md,
                target,
                ("opened %,d of %,d in %.1f s, heap %.0f MB (%.1f KB each), RSS %.0f MB, idle CPU %.1f%% of a core (%.1f%% with none open),"
                                + " sampled pushes delivered %d/%d, p99 %.2f ms")
                        .formatted(
                                r.opened(),
                                r.target(),
                                r.openSeconds(),
                                r.heapAfterKb() / 1024.0,
                                r.heapKbPerConnection(),
                                r.rssAfterKb() / 1024.0,
                                r.idleCpuPercent(),
                                r.baselineCpuPercent(),
                                Math.min(r.received(), r.deliveredByServer()),
                                r.events(),
                                r.latency().p99()),
                r.target() < LONG_CONNECTIONS ? null : r.opened() >= LONG_CONNECTIONS && r.errors() == 0);
    }

    /** One row; {@code met} null when the run cannot say (not measured, or not at the target's size). */
    private static void row(StringBuilder md, String target, String measured, Boolean met) {
        md.append("| ")
                .append(target)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(met == null ? "–" : met ? "yes" : "**no**")
                .append(" |\n");
    }
}
