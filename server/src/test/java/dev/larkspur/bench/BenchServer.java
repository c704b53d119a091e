package dev.larkspur.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Larkspur as it ships: the built jar in its own JVM, so that the load generator and the bench's
 * own work do not share its heap or JIT.
 */
final class BenchServer implements AutoCloseable {
    /** The server's heap, fixed so that runs compare. */
    static final String HEAP = "1g";

    /** How long a start may take: at a load average of 30 on 2 cores, starts took over 3 minutes. */
    private static final long STARTUP_MINUTES = 6;

    final String baseUrl;
    private final Process process;

    private BenchServer(Process process, int port) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /**
     * Starts the jar with {@code env} added to this process's environment, its output to
     * {@code log}, and waits until {@code /healthz} answers. {@code recording}, when set, is where a
     * Java Flight Recording of the whole run is written on exit.
     */
    static BenchServer start(Path jar, Map<String, String> env, Path log, Path recording) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + HEAP);
        command.add("-Xmx" + HEAP);
        if (recording != null) {
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
        }
        command.add("-jar");
        command.add(jar.toString());
        int port = freePort();
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        try {
            var server = new BenchServer(builder.start(), port);
            server.awaitHealthy(log);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + jar, e);
        }
    }

    private void awaitHealthy(Path log) {
        var http = HttpClient.newHttpClient();
        var probe = HttpRequest.newBuilder(URI.create(baseUrl + "/healthz"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(STARTUP_MINUTES);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("the server did not answer within " + STARTUP_MINUTES + " minutes; see " + log);
    }

    /** The server's process id, for {@code jcmd}. */
    long pid() {
        return process.pid();
    }

    /** Stops the server as an operator would (SIGTERM), so that H2 closes its file cleanly. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
