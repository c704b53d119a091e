package dev.larkspur.event;

import dev.larkspur.support.PushRecorder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a volume test measured, for its report: events, pushes and how they were answered, events
 * received more than once, and retries (attempts beyond the first, as the server recorded them).
 */
record DeliveryFigures(int events, int pushes, Map<PushRecorder.Answer, Integer> answers, int duplicated, int retries) {

    static DeliveryFigures of(Map<String, List<PushRecorder.Receipt>> receipts, Map<String, JsonNode> deliveries) {
        var answers = new EnumMap<PushRecorder.Answer, Integer>(PushRecorder.Answer.class);
        receipts.values().stream().flatMap(List::stream).forEach(r -> answers.merge(r.answer(), 1, Integer::sum));
        int pushes = answers.values().stream().mapToInt(Integer::intValue).sum();
        int duplicated =
                (int) receipts.values().stream().filter(r -> r.size() > 1).count();
        int attempts = deliveries.values().stream()
                .mapToInt(d -> d.path("attempts").asInt())
                .sum();
        return new DeliveryFigures(receipts.size(), pushes, answers, duplicated, attempts - deliveries.size());
    }

    void report(String test, long writingNanos, long totalNanos) {
        System.out.printf(
                "%s [%s]: %d events written in %.1f s, all delivered %.1f s after the first; %d pushes %s;"
                        + " %d retries; %d events received more than once%n",
                test,
                System.getProperty("larkspur.it.db", "h2"),
                events,
                writingNanos / 1e9,
                totalNanos / 1e9,
                pushes,
                answers,
                retries,
                duplicated);
    }
}
