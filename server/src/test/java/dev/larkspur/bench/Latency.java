package dev.larkspur.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One measured load: how many calls completed per second and the latency distribution, in
 * milliseconds, keyed by percentile ("50", "99", "99.9", … "100").
 */
record Latency(long requests, long errors, double perSecond, Map<String, Double> percentilesMs) {
    static final double[] POINTS = {50, 75, 90, 95, 99, 99.9, 99.99, 100};

    static Latency of(Histogram micros, long errors, double seconds) {
        var points = new LinkedHashMap<String, Double>();
        for (double p : POINTS) {
            points.put(label(p), micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(p) / 1000.0);
        }
        return new Latency(micros.getTotalCount(), errors, micros.getTotalCount() / seconds, points);
    }

    static String label(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    double p50() {
        return percentilesMs.getOrDefault("50", 0.0);
    }

    double p95() {
        return percentilesMs.getOrDefault("95", 0.0);
    }

    double p99() {
        return percentilesMs.getOrDefault("99", 0.0);
    }

    double p999() {
        return percentilesMs.getOrDefault("99.9", 0.0);
    }
}
