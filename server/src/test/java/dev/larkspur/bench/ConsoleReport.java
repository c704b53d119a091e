package dev.larkspur.bench;

import dev.larkspur.bench.Bench.Plan;

/** The report's delivery inspector section (issue 12's target, measured, not asserted). */
final class ConsoleReport {
    /** "A page renders in under 200 ms p95." */
    static final double TARGET_MS = 200;

    private ConsoleReport() {}

    static void section(StringBuilder md, Plan plan, RunResult run) {
        var console = run.console();
        if (console.isEmpty()) {
            return;
        }
        md.append("### Delivery inspector\n\n");
        md.append("The console signed in with the admin token, one request after another, ")
                .append(plan.pageStep().toSeconds())
                .append(" s per filter after a warm-up, over %,d deliveries of one app (written straight into the"
                        .formatted(run.sizes().getOrDefault("console_deliveries", 0L)))
                .append(" database, 100 ms apart; 2 % failed, 1 % pending, 5 % reactions): `GET /console/deliveries`,")
                .append(" 25 deliveries a page rendered by the server, walking older page after page by key from the")
                .append(" newest (back to the newest after the last). `all from the oldest tenth` starts 900,000")
                .append(" deliveries deep; `one hour` is a time filter in the middle of the range.\n\n");
        md.append("| target | measured | met |\n|---|---|---|\n");
        double worst = console.values().stream().mapToDouble(Latency::p95).max().orElse(0);
        long errors = console.values().stream().mapToLong(Latency::errors).sum();
        md.append("| an inspector page renders in under 200 ms p95, whatever the filter | worst p95 %.2f ms | %s |\n"
                .formatted(worst, worst < TARGET_MS && errors == 0 ? "yes" : "**no**"));
        md.append("\n| filter | p50 ms | p95 ms | p99 ms | pages/s | failed |\n|---|---|---|---|---|---|\n");
        console.forEach((name, l) -> md.append("| ")
                .append(name.replace('_', ' '))
                .append(" | %.2f | %.2f | %.2f | %,.0f | %d |\n"
                        .formatted(l.p50(), l.p95(), l.p99(), l.perSecond(), l.errors())));
        md.append('\n');
    }
}
