package dev.larkspur.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives one call with wrk, the HTTP load generator, at a fixed number of keep-alive connections
 * (each sends its next request as soon as the last answer arrives), through bench/wrk/api.lua.
 */
final class Wrk {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path script;
    private final Path work;

    Wrk(Path script, Path work) {
        this.script = script;
        this.work = work;
    }

    /** One request, or with {@code bodies} (a file of one body a line) a request per body in turn. */
    record Call(String method, String url, String body, String token, Path bodies) {
        static Call get(String url, String token) {
            return new Call("GET", url, null, token, null);
        }

        static Call post(String url, String body, String token) {
            return new Call("POST", url, body, token, null);
        }

        static Call postEach(String url, Path bodies, String token) {
            return new Call("POST", url, null, token, bodies);
        }
    }

    Latency run(Call call, int connections, Duration duration) {
        try {
            Path out = Files.createTempFile(work, "wrk-", ".json");
            int threads = Math.min(connections, 2);
            var command = List.of(
                    "wrk",
                    "-t" + threads,
                    "-c" + connections,
                    "-d" + Math.max(1, duration.toSeconds()) + "s",
                    "--timeout",
                    "10s",
                    "-s",
                    script.toString(),
                    call.url());
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            work.resolve("wrk.log").toFile()));
            var env = process.environment();
            env.put("WRK_METHOD", call.method());
            env.put("WRK_OUT", out.toString());
            env.put("WRK_TOKEN", call.token() == null ? "" : call.token());
            if (call.body() != null) {
                env.put("WRK_BODY", call.body());
            }
            if (call.bodies() != null) {
                env.put("WRK_BODIES", call.bodies().toString());
            }
            var started = process.start();
            if (!started.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                started.destroyForcibly();
                throw new IllegalStateException("wrk did not finish");
            }
            if (started.exitValue() != 0 || Files.size(out) == 0) {
                throw new IllegalStateException("wrk failed, see " + work.resolve("wrk.log"));
            }
            return parse(JSON.readTree(out.toFile()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Latency parse(JsonNode result) {
        long requests = result.path("requests").asLong();
        double seconds = result.path("duration_us").asLong() / 1e6;
        long errors = result.path("socket_errors").asLong() + result.path("bad").asLong();
        if (result.path("bad").asLong() > 0) {
            System.out.println("  bad answers, e.g. " + result.path("sample").asString());
        }
        var points = new LinkedHashMap<String, Double>();
        result.path("percentiles_us")
                .properties()
                .forEach(e -> points.put(e.getKey(), e.getValue().asLong() / 1000.0));
        return new Latency(requests, errors, requests / seconds, points);
    }
}
