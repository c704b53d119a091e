package dev.larkspur.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the processes a measurement involves, read from {@code /proc}: the server's, the
 * bench's own (where the database ceiling runs), and PostgreSQL's (all its processes, which serve
 * both). On a shared, noisy machine CPU time per operation is the steadiest figure a step gives;
 * where {@code /proc} is missing every reading is zero and the reports say "–".
 */
final class Cpu {
    /** Linux's USER_HZ: {@code /proc/<pid>/stat} counts CPU time in these ticks. */
    private static final double TICK_MICROS = 10_000;

    /** The bench's PostgreSQL database, as backends name it in their process titles. */
    private static final String DATABASE = " " + Database.POSTGRES_DATABASE + " ";

    private Cpu() {}

    /** CPU time so far, in microseconds: of one process, of the bench itself, of PostgreSQL. */
    record Reading(long processMicros, long benchMicros, long postgresMicros) {
        /** {@code pid}'s CPU time, the bench's, and with {@code postgres} that of the bench database's PostgreSQL. */
        static Reading of(long pid, boolean postgres) {
            return new Reading(
                    micros(Path.of("/proc", String.valueOf(pid), "stat")),
                    micros(Path.of("/proc/self/stat")),
                    postgres ? postgres() : 0);
        }

        /** CPU spent since {@code before}, per operation, in microseconds. */
        Cost since(Reading before, long operations) {
            double n = Math.max(1, operations);
            return new Cost(
                    (processMicros - before.processMicros) / n,
                    (benchMicros - before.benchMicros) / n,
                    // A PostgreSQL backend that exited in between takes its CPU time with it.
                    Math.max(0, postgresMicros - before.postgresMicros) / n);
        }
    }

    /** CPU microseconds per operation: of the server (or the ceiling's client), the bench, PostgreSQL. */
    record Cost(double processMicrosPerOp, double benchMicrosPerOp, double postgresMicrosPerOp) {}

    /** utime + stime of the process whose stat file this is; 0 when it cannot be read. */
    static long micros(Path stat) {
        try {
            String line = Files.readString(stat);
            // The command name, in parentheses, may hold spaces: count fields after its closing one.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Math.round((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MICROS);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The CPU time of PostgreSQL's processes that serve the bench: the backends of its database (a
     * backend's title names its database; other work on a shared server stays out) and the shared
     * ones (WAL writer, checkpointer, whose titles name no client).
     */
    static long postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(Cpu::isPostgres)
                    .mapToLong(p -> micros(p.resolve("stat")))
                    .sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            if (!Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                return false;
            }
            String title = Files.readString(process.resolve("cmdline"));
            return title.contains(DATABASE) || !title.contains("(");
        } catch (IOException e) {
            return false;
        }
    }

    /** The 1-minute load average, or -1 where there is no {@code /proc/loadavg}. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
