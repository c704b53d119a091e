package dev.larkspur.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Heap per idle long connection: the server's heap in use after a full GC, before and after
 * opening {@code count} connections (through the endpoint, as an SDK does, from one bounded client
 * on 127.0.0.1), divided by the count. Apps hold at most 50 connections each, so it makes enough.
 */
final class IdleConnections {
    private static final int PER_APP = 50;
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    record Result(int connections, long heapBeforeKb, long heapAfterKb, double kbPerConnection) {}

    private IdleConnections() {}

    static Result measure(Api api, String adminToken, String tenant, long serverPid, int count) {
        var apps = new ArrayList<Map.Entry<String, String>>();
        for (int i = 0; i * PER_APP < count; i++) {
            var app = api.ok(
                    "POST", "/admin/v1/tenants/" + tenant + "/apps", Map.of("name", "Idle Bot " + i), adminToken);
            apps.add(Map.entry(
                    app.path("app_id").asString(), app.path("app_secret").asString()));
        }
        var client = HttpClient.newHttpClient();
        var sockets = new ArrayList<WebSocket>();
        try {
            long before = heapUsedKb(serverPid);
            for (int i = 0; i < count; i++) {
                var app = apps.get(i / PER_APP);
                var endpoint = api.ok(
                        "POST",
                        "/callback/ws/endpoint",
                        Map.of("AppID", app.getKey(), "AppSecret", app.getValue()),
                        null);
                String url = endpoint.path("URL").asString();
                sockets.add(client.newWebSocketBuilder()
                        .buildAsync(URI.create(url), new WebSocket.Listener() {})
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join());
            }
            long after = heapUsedKb(serverPid);
            return new Result(count, before, after, (after - before) / (double) count);
        } finally {
            sockets.forEach(WebSocket::abort);
        }
    }

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
