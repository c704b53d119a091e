package dev.larkspur.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one database's run measured, as the JSON file holds it. */
record RunResult(
        String database,
        Map<String, Long> sizes,
        /* send_chat10, send_chat1000, db_ceiling, http_floor: one point per concurrency */
        Map<String, List<Point>> loads,
        /* history_first, history_last, history_newest, members_first, members_last */
        Map<String, Latency> pages,
        Map<String, EventLatency.Result> events,
        /* chat_list, chat_first_screen, chat_older_pages: the web client's pages (WebPages) */
        Map<String, Latency> web,
        /* the delivery inspector's walks by filter (ConsolePages) */
        Map<String, Latency> console,
        /* cores, JVM, heap, pool sizes, load average at the start (Environment) */
        Map<String, Object> environment,
        /* open-loop sends by name, e.g. send_1000 (FixedRate) */
        Map<String, FixedRate.Result> openLoops,
        /* callback, long_connection: deliveries per second from a backlog (DeliveryRate) */
        Map<String, DeliveryRate.Result> deliveries,
        /* long_connections: many concurrent long connections, idle and then pushed to (ManyConnections) */
        Map<String, ManyConnections.Result> connections) {

    /**
     * One measured step: its latency, the 1-minute load average when it began, the database
     * connections it used (the ceiling's; 0 where the server chooses), and the CPU it cost per call:
     * {@code cpu} over the measured window, {@code cpuWithBacklog} also over the fan-out that its
     * calls left behind (null where there is none).
     */
    record Point(
            int concurrency,
            Latency latency,
            double loadAverage,
            int dbConnections,
            Cpu.Cost cpu,
            Cpu.Cost cpuWithBacklog) {
        Point(int concurrency, Latency latency) {
            this(concurrency, latency, Cpu.loadAverage(), 0, null, null);
        }
    }

    static RunResult empty(String database) {
        return new RunResult(
                database,
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>());
    }

    Point at(String load, int concurrency) {
        return loads.getOrDefault(load, List.of()).stream()
                .filter(p -> p.concurrency() == concurrency)
                .findFirst()
                .orElse(null);
    }

    /** Calls that failed or were not answered, and events not delivered, in every step of the run. */
    long failures() {
        long loadErrors = loads.values().stream()
                .flatMap(List::stream)
                .mapToLong(p -> p.latency().errors())
                .sum();
        long pageErrors = pages.values().stream().mapToLong(Latency::errors).sum()
                + web.values().stream().mapToLong(Latency::errors).sum()
                + console.values().stream().mapToLong(Latency::errors).sum();
        long eventErrors = events.values().stream()
                .mapToLong(e -> e.latency().errors() + Math.max(0, e.sent() - e.received()))
                .sum();
        long undelivered = deliveries.values().stream()
                .mapToLong(d -> Math.max(0, d.backlog() - d.delivered()))
                .sum();
        long openLoopErrors = openLoops.values().stream()
                .mapToLong(r -> r.serverFailures() + r.drops())
                .sum();
        long connectionErrors = connections.values().stream()
                .mapToLong(ManyConnections.Result::errors)
                .sum();
        return loadErrors + pageErrors + eventErrors + openLoopErrors + undelivered + connectionErrors;
    }

    /** The best throughput of a load over all concurrencies. */
    double best(String load) {
        return loads.getOrDefault(load, List.of()).stream()
                .mapToDouble(p -> p.latency().perSecond())
                .max()
                .orElse(0);
    }
}
