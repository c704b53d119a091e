package dev.larkspur.support;

import static org.awaitility.Awaitility.await;

import dev.larkspur.LarkspurApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Larkspur server in a JVM of its own, so that a test can kill it as {@code kill -9} would: no
 * shutdown hooks, no transaction finished, no push answered. {@link #start()} brings it back on the
 * same database, data directory and port. Its output goes to {@code server.log} in the data directory.
 */
public final class ServerProcess implements AutoCloseable {
    private final TestDatabase database;
    private final Map<String, Object> extra;
    private final int port;
    private final Path log;
    private Process process;

    private ServerProcess(TestDatabase database, Map<String, Object> extra) {
        this.database = database;
        this.extra = Map.copyOf(extra);
        this.port = freePort();
        this.log = database.dataDir().resolve("server.log");
    }

    /** A new server process on a fresh database, with extra properties; started and answering. */
    public static ServerProcess start(Map<String, Object> properties) {
        try {
            var server = new ServerProcess(TestDatabase.fresh(Files.createTempDirectory("larkspur-proc")), properties);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the process and waits until it answers the admin API. */
    public void start() {
        var props = new HashMap<String, Object>(database.properties());
        props.put("server.port", String.valueOf(port));
        props.put("larkspur.admin-token", TestServer.ADMIN_TOKEN);
        props.put("logging.level.root", "WARN");
        // Feishu's 1 s for the url_verification answer is proven by UrlVerificationIT; elsewhere setting
        // a request URL is only set-up, which a loaded test machine must not fail on this rule.
        props.put("larkspur.url-verification.timeout", "10s");
        // Test bots listen on 127.0.0.1, which PostgreSQL mode refuses by default (RequestUrlPolicyIT).
        props.put("larkspur.events.request-url.allow-loopback", "true");
        props.putAll(extra);
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LarkspurApplication.class.getName());
        props.forEach((k, v) -> command.add("--" + k + "=" + v));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("server process on port " + port + " answering (log: " + log + ")")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .failFast("server process exited; see " + log, () -> !process.isAlive())
                .until(() -> admin().call("GET", "/admin/v1/tenants", null).status() == 200);
    }

    /** Kills the process at once (SIGKILL) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("server process did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The running server's process id, for {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Admin admin() {
        return new Admin(baseUrl(), TestServer.ADMIN_TOKEN);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        database.drop();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
