package dev.larkspur.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The server's heap in use after a full GC, as {@code jcmd} reports it: what {@link ManyConnections}
 * divides by the connections it opened for the heap each idle long connection costs.
 */
final class IdleConnections {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private IdleConnections() {}

    /** The heap in use after a full collection, as {@code jcmd} reports it. */
    static long heapUsedKb(long pid) {
        jcmd(pid, "GC.run");
        var matcher = USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!matcher.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no heap use");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String jcmd(long pid, String command) {
        var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            var process = new ProcessBuilder(List.of(jcmd, String.valueOf(pid), command))
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd " + command + " did not finish within 60 s");
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
