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
        int fixedRatePerSecond,
        Latency fixedRate,
        /* history_first, history_last, history_newest, members_first, members_last */
        Map<String, Latency> pages,
        Map<String, EventLatency.Result> events,
        /* chat_list, chat_first_screen, chat_older_pages: the web client's pages (WebPages) */
        Map<String, Latency> web,
        /* the delivery inspector's walks by filter (ConsolePages) */
        Map<String, Latency> console) {

    record Point(int concurrency, Latency latency) {}

    static RunResult empty(String database) {
        return new RunResult(
                database,
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                0,
                null,
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>());
    }

    RunResult withFixedRate(int perSecond, Latency latency) {
        return new RunResult(database, sizes, loads, perSecond, latency, pages, events, web, console);
    }

    Point at(String load, int concurrency) {
        return loads.getOrDefault(load, List.of()).stream()
                .filter(p -> p.concurrency() == concurrency)
                .findFirst()
                .orElse(null);
    }

    /** Calls that failed or were not answered, in every step of the run. */
    long failures() {
        long loadErrors = loads.values().stream()
                .flatMap(List::stream)
                .mapToLong(p -> p.latency().errors())
                .sum();
        long pageErrors = pages.values().stream().mapToLong(Latency::errors).sum()
                + web.values().stream().mapToLong(Latency::errors).sum()
                + console.values().stream().mapToLong(Latency::errors).sum();
        long eventErrors = events.values().stream()
                .mapToLong(e -> e.latency().errors() + (e.sent() - e.received()))
                .sum();
        return loadErrors + pageErrors + eventErrors + (fixedRate == null ? 0 : fixedRate.errors());
    }

    /** The best throughput of a load over all concurrencies. */
    double best(String load) {
        return loads.getOrDefault(load, List.of()).stream()
                .mapToDouble(p -> p.latency().perSecond())
                .max()
                .orElse(0);
    }
}
