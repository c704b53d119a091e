package dev.larkspur.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU samples went, from a Java Flight Recording made by {@code bench/run
 * --profile}: the report's evidence for the cost centres that remain. It reads the recording with
 * the JDK's own {@code jdk.jfr.consumer} API (JDK 17 has no {@code jfr view}) and prints Markdown:
 * samples by thread pool, then for each busy pool the Larkspur methods its samples ran under
 * (inclusive) and the methods they were in (self).
 *
 * <p>Usage: {@code bench/profile <file.jfr> [--from HH:MM:SS] [--to HH:MM:SS] [--pools N] [--rows N]
 * [--package org.h2.]}. {@code --from}/{@code --to} (UTC, the times {@code bench/run} prints beside
 * each step) keep only one step's samples; {@code --package} counts another package's methods on the
 * stack than Larkspur's.
 */
public final class ProfileSummary {
    private static final String OURS = "dev.larkspur.";

    /** One pool's samples: per method, how many samples it was on the stack of, and at the top of. */
    private static final class Pool {
        long samples;
        final Map<String, Long> inclusive = new HashMap<>();
        final Map<String, Long> self = new HashMap<>();
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        var summary = new ProfileSummary();
        int pools = 6, rows = 15;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--from" -> summary.from = LocalTime.parse(args[i + 1]);
                case "--to" -> summary.to = LocalTime.parse(args[i + 1]);
                case "--pools" -> pools = Integer.parseInt(args[i + 1]);
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--package" -> summary.inclusivePackage = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // One event at a time: an hour's recording holds millions of events.
        try (var recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                var event = recording.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> summary.add(event);
                    case "jdk.CPULoad" -> summary.cpu(event);
                    case "jdk.CPUInformation" -> summary.cores = event.getInt("hwThreads");
                    case "jdk.ThreadPark", "jdk.JavaMonitorEnter" -> summary.waited(event);
                    case "jdk.GarbageCollection" -> summary.collected(event);
                    default -> {}
                }
            }
        }
        System.out.println(summary.markdown(file, pools, rows));
    }

    private final Map<String, Pool> byPool = new HashMap<>();
    /** Whose methods the inclusive column counts: Larkspur's, or e.g. org.h2. for H2's own threads. */
    private String inclusivePackage = OURS;

    private LocalTime from;
    private LocalTime to;
    private long total;
    private Instant first;
    private Instant last;
    /* The recorded machine's hardware threads, and the JVM's and the whole machine's CPU (each a
     * share of all of them) summed over the window's readings. */
    private int cores = Runtime.getRuntime().availableProcessors();
    private double jvmCpu;
    private double machineCpu;
    private long cpuReadings;
    /** Waits by where they happened: total milliseconds and how many. */
    private final Map<String, long[]> waits = new HashMap<>();
    /** Garbage collections in the window: how many, their pauses summed, and the longest. */
    private long collections;

    private Duration paused = Duration.ZERO;
    private Duration longestPause = Duration.ZERO;

    /**
     * A park or a blocked monitor entry, of those the recording keeps (the profile settings keep
     * waits of 10 ms or more; shorter ones go unseen). Waits with no Larkspur frame are idle pool
     * threads, left out.
     */
    private void waited(RecordedEvent event) {
        if (!inWindow(event.getStartTime()) || event.getStackTrace() == null) {
            return;
        }
        String ours = null, in = null;
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String m = method(frame);
            if (in == null && !m.startsWith("java.") && !m.startsWith("jdk.") && !m.startsWith("sun.")) {
                in = m;
            }
            if (m.startsWith(OURS) && !wrapper(m)) {
                ours = m;
                break;
            }
        }
        if (ours == null) {
            return;
        }
        String key = "`%s` | `%s` | %s"
                .formatted(
                        pool(event.getThread()),
                        shorten(ours),
                        in == null || in.equals(ours) ? "the JDK" : "`" + shorten(in) + "`");
        var w = waits.computeIfAbsent(key, k -> new long[2]);
        w[0] += event.getDuration().toMillis();
        w[1]++;
    }

    private void collected(RecordedEvent event) {
        if (inWindow(event.getStartTime())) {
            collections++;
            paused = paused.plus(event.getDuration("sumOfPauses"));
            var longest = event.getDuration("longestPause");
            longestPause = longest.compareTo(longestPause) > 0 ? longest : longestPause;
        }
    }

    private void cpu(RecordedEvent event) {
        if (inWindow(event.getStartTime())) {
            jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
            machineCpu += event.getFloat("machineTotal");
            cpuReadings++;
        }
    }

    private boolean inWindow(Instant at) {
        var time = LocalTime.ofInstant(at, ZoneOffset.UTC);
        return (from == null || !time.isBefore(from)) && (to == null || !time.isAfter(to));
    }

    private void add(RecordedEvent event) {
        var at = event.getStartTime();
        if (!inWindow(at)) {
            return;
        }
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
        total++;
        var pool = byPool.computeIfAbsent(pool(event.getThread("sampledThread")), k -> new Pool());
        pool.samples++;
        count(pool, event.getStackTrace());
    }

    /** A thread's pool: its name with the numbers taken out (http-nio-8080-exec-12 → http-nio-#-exec-#). */
    static String pool(RecordedThread thread) {
        String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        return name.replaceAll("\\d+", "#");
    }

    private void count(Pool pool, RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        var frames = stack.getFrames();
        pool.self.merge(method(frames.get(0)), 1L, Long::sum);
        // A method that recurses, or appears twice through a proxy, counts once per sample.
        var seen = new HashSet<String>();
        for (RecordedFrame frame : frames) {
            String m = method(frame);
            if (m.startsWith(inclusivePackage) && !wrapper(m) && seen.add(m)) {
                pool.inclusive.merge(m, 1L, Long::sum);
            }
        }
    }

    /**
     * Frames on nearly every stack that say nothing of where its time went: servlet filters and
     * Tomcat valves, the wrapper of every background thread, lambdas and Spring's proxies (their
     * target method follows them).
     */
    private static boolean wrapper(String method) {
        String type = method.substring(0, method.lastIndexOf('.'));
        return type.endsWith("Filter")
                || method.equals("dev.larkspur.platform.BackgroundWrites.run")
                || type.endsWith("Valve")
                || type.contains("$$Lambda")
                || type.contains("$$SpringCGLIB")
                || method.contains(".lambda$");
    }

    private static String method(RecordedFrame frame) {
        var m = frame.getMethod();
        return m.getType().getName() + "." + m.getName();
    }

    private String markdown(Path file, int pools, int rows) {
        var out = new StringBuilder();
        out.append("### ").append(file.getFileName()).append("\n\n");
        if (total == 0) {
            return out.append("No execution samples in this window.\n").toString();
        }
        out.append("%,d execution samples of Java threads, %s to %s UTC.\n\n"
                .formatted(
                        total,
                        LocalTime.ofInstant(first, ZoneOffset.UTC).withNano(0),
                        LocalTime.ofInstant(last, ZoneOffset.UTC).withNano(0)));
        if (cpuReadings > 0) {
            // jdk.CPULoad gives shares of all cores; a core's worth is 100% here, as top shows it.
            out.append(
                    "CPU over the window (%d readings, %d cores): the server %.0f%% of a core, the whole machine %.0f%% of %d%%.\n\n"
                            .formatted(
                                    cpuReadings,
                                    cores,
                                    100 * cores * jvmCpu / cpuReadings,
                                    100 * cores * machineCpu / cpuReadings,
                                    100 * cores));
        }
        out.append("Garbage collections: %,d, pausing the server %,d ms in all, the longest pause %.1f ms.\n\n"
                .formatted(collections, paused.toMillis(), longestPause.toNanos() / 1e6));
        var sorted = new ArrayList<>(byPool.entrySet());
        sorted.sort(Comparator.comparingLong((Map.Entry<String, Pool> e) -> e.getValue().samples)
                .reversed());
        out.append("| threads | samples | share |\n|---|---|---|\n");
        for (var e : sorted.subList(0, Math.min(sorted.size(), 3 * pools))) {
            out.append("| `%s` | %,d | %.1f%% |\n"
                    .formatted(e.getKey(), e.getValue().samples, share(e.getValue().samples, total)));
        }
        for (var e : sorted.subList(0, Math.min(sorted.size(), pools))) {
            var pool = e.getValue();
            out.append("\n#### `%s`: %,d samples\n\n".formatted(e.getKey(), pool.samples));
            out.append(
                    "| Larkspur method on the stack | share | | method at the top | share |\n|---|---|---|---|---|\n");
            var inclusive = top(pool.inclusive, rows);
            var self = top(pool.self, rows);
            for (int i = 0; i < Math.max(inclusive.size(), self.size()); i++) {
                out.append("| ")
                        .append(cell(inclusive, i, pool.samples))
                        .append(" | | ")
                        .append(cell(self, i, pool.samples))
                        .append(" |\n");
            }
        }
        if (!waits.isEmpty()) {
            out.append("\n#### Waits of 10 ms or more, by where\n\n")
                    .append("| threads | Larkspur method | waiting in | total ms | waits |\n|---|---|---|---|---|\n");
            waits.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .limit(rows)
                    .forEach(e ->
                            out.append("| %s | %,d | %,d |\n".formatted(e.getKey(), e.getValue()[0], e.getValue()[1])));
        }
        return out.toString();
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int rows) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(rows)
                .toList();
    }

    private static String cell(List<Map.Entry<String, Long>> entries, int i, long of) {
        if (i >= entries.size()) {
            return " | ";
        }
        var e = entries.get(i);
        return "`%s` | %.1f%%".formatted(shorten(e.getKey()), share(e.getValue(), of));
    }

    /** dev.larkspur.message.internal.MessageRepository.insert → message.internal.MessageRepository.insert */
    private static String shorten(String method) {
        return method.startsWith(OURS) ? method.substring(OURS.length()) : method;
    }

    private static double share(long part, long of) {
        return 100.0 * part / of;
    }
}
