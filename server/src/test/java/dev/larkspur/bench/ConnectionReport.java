package dev.larkspur.bench;

/** The report's long-connections section (issue 14): many connections opened, idle, then pushed to. */
final class ConnectionReport {
    private ConnectionReport() {}

    static void section(StringBuilder md, RunResult run) {
        var r = run.connections().get("long_connections");
        if (r == null) {
            return;
        }
        md.append("\n### Long connections\n\n");
        md.append("One client on 127.0.0.1 (the JDK's WebSocket client: a few threads for all connections) opens")
                .append(" them as an SDK does, the endpoint and then the WebSocket with its ticket, at most")
                .append(" 64 handshakes at a time, one app per 50 connections (Feishu's cap per app). Each connection")
                .append(" pings at once and then every PingInterval, spread over the interval. Idle CPU is the server")
                .append(" process's CPU time over the idle window (only those pings going on) as a share of one core,")
                .append(" beside the same window before any was opened;")
                .append(" heap is in use after a full GC (jcmd); RSS is VmRSS. Then people write messages (8 in")
                .append(" flight) to a sample of the apps; each event goes to one connection of its app, which")
                .append(
                        " ACKs it as the SDKs do; latency is from the write to the receipt, and \"recorded\" counts the")
                .append(" deliveries the server recorded as delivered.\n\n");
        md.append("| load avg | opened | in s | failed | closed by server | heap MB before → after | KB each |")
                .append(" RSS MB before → after | KB each | idle CPU | pongs | events | received | recorded |")
                .append(" p50 ms | p99 ms |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        md.append(
                        "| %.2f | %,d of %,d | %.1f | %,d | %,d | %.0f → %.0f | %.1f | %.0f → %.0f | %.1f | %.1f%% (%.1f%% with none open) over %.0f s | %,d |"
                                .formatted(
                                        r.loadAverage(),
                                        r.opened(),
                                        r.target(),
                                        r.openSeconds(),
                                        r.failed(),
                                        r.closedByServer(),
                                        r.heapBeforeKb() / 1024.0,
                                        r.heapAfterKb() / 1024.0,
                                        r.heapKbPerConnection(),
                                        r.rssBeforeKb() / 1024.0,
                                        r.rssAfterKb() / 1024.0,
                                        r.rssKbPerConnection(),
                                        r.idleCpuPercent(),
                                        r.baselineCpuPercent(),
                                        r.idleSeconds(),
                                        r.pongs()))
                .append(" %d to %d apps | %d | %d | %.2f | %.2f |\n"
                        .formatted(
                                r.events(),
                                r.sampledApps(),
                                r.received(),
                                r.deliveredByServer(),
                                r.latency().p50(),
                                r.latency().p99()));
        if (r.endpointRetries() > 0) {
            md.append(
                    "\nEndpoint calls tried again (their pooled keep-alive connection closed as it was reused): %,d.\n"
                            .formatted(r.endpointRetries()));
        }
        if (!r.failures().isEmpty()) {
            md.append("\nFailures by reason: ");
            r.failures().forEach((reason, n) -> md.append("%s: %,d; ".formatted(reason, n)));
            md.setLength(md.length() - 2);
            md.append(".\n");
        }
        md.append('\n');
    }
}
