package dev.larkspur.bench;

import dev.larkspur.bench.Bench.Plan;

/**
 * The report's delivery sections (issue 14): send-to-handler latency at a fixed rate and in bursts,
 * with the delivery rate during the sends and after they stop; deliveries per second from a backlog,
 * free-running and under sends; and what idle long connections cost.
 */
final class DeliveryReport {
    private DeliveryReport() {}

    static void events(StringBuilder md, RunResult run) {
        md.append("### Events, send to bot receipt\n\n");
        md.append("People write to a bot at a fixed rate (through the admin API's act-as-user send); the bot's")
                .append(" handler records when each message arrives. The burst rows offer more than the server")
                .append(
                        " delivers, for its deliveries per second; their latency is mostly waiting in line. Deliveries/s")
                .append(" is over the whole window, from the first send to the last receipt; \"during\" from the first")
                .append(" receipt until the last send was answered, \"after\" from then to the last receipt.\n\n");
        md.append("| delivery | load avg | offered/s | received | deliveries/s | during sends/s | after sends/s |")
                .append(" p50 ms | p99 ms | p99.9 ms |\n|---|---|---|---|---|---|---|---|---|---|\n");
        run.events().forEach((name, e) -> md.append("| ")
                .append(name.replace('_', ' '))
                .append(" | %.2f | %d | %d of %d | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %.2f |\n"
                        .formatted(
                                e.loadAverage(),
                                e.offeredPerSecond(),
                                e.received(),
                                e.sent(),
                                e.deliveriesPerSecond(),
                                e.duringSendsPerSecond(),
                                e.afterSendsPerSecond(),
                                e.latency().p50(),
                                e.latency().p99(),
                                e.latency().p999())));
        Long idle = run.sizes().get("idle_connections");
        if (idle != null) {
            md.append("\nLong connections: %,d idle connections (opened through the endpoint by one client on"
                            .formatted(idle))
                    .append(" 127.0.0.1) raise the server's heap in use after a full GC by %.1f KB each.\n"
                            .formatted(run.sizes().get("idle_connection_heap_bytes") / 1024.0));
        }
        md.append('\n');
    }

    static void rates(StringBuilder md, Plan plan, RunResult run) {
        if (run.deliveries().isEmpty()) {
            return;
        }
        md.append("### Delivery rate from a backlog\n\n");
        md.append("People write a backlog of messages to one bot while its deliveries cannot go out (by callback:")
                .append(" its endpoint leaves pushes unanswered, so the app's places in flight stay full and the rest")
                .append(" wait; by long connection: no connection is open, and the server's unclaimed grace is ")
                .append(DeliveryRate.UNCLAIMED_GRACE)
                .append(" in the bench), and fan-out finishes; then it is let go. Free-running is the rate over the")
                .append(" backlog's first third with no sends going on, from the first receipt; then sends into the")
                .append(" chat of 10 are offered at half the send capacity (open loop) for ")
                .append(plan.fixedRateFor().toSeconds())
                .append(" s, and loaded is the rate over the deliveries made in that time (until the backlog ran")
                .append(" out, if it did). Deliveries the hold made fail come back 15 s later and are counted.\n\n");
        md.append("| delivery | load avg | backlog | free-running/s | over | sends/s offered | under sends/s | over |")
                .append(" loaded ÷ free | delivered |\n|---|---|---|---|---|---|---|---|---|---|\n");
        run.deliveries().forEach((name, r) -> md.append("| ")
                .append(name.replace('_', ' '))
                .append(" | %.2f | %,d | %,.0f | %,d | %,d | %,.0f | %,d | %s | %,d |\n"
                        .formatted(
                                r.loadAverage(),
                                r.backlog(),
                                r.freePerSecond(),
                                r.freeCount(),
                                r.sendsPerSecond(),
                                r.loadedPerSecond(),
                                r.loadedCount(),
                                r.freePerSecond() > 0 && r.loadedPerSecond() > 0
                                        ? "%.0f%%".formatted(100 * r.loadedPerSecond() / r.freePerSecond())
                                        : "–",
                                r.delivered())));
    }
}
