package dev.larkspur.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What every figure of a run is measured on: the machine's cores and load when the run began, the
 * JVM and heap of the server, and the server's database pools as its metrics give them.
 */
final class Environment {
    private static final Pattern POOL_MAX =
            Pattern.compile("hikaricp_connections_max\\{[^}]*pool=\"([^\"]+)\"[^}]*\\}\\s+([0-9.Ee+]+)");

    private Environment() {}

    static Map<String, Object> of(String database) {
        var env = new LinkedHashMap<String, Object>();
        env.put("database", database);
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("load_average_at_start", Cpu.loadAverage());
        env.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        env.put("server_heap", BenchServer.HEAP);
        if (database.equals("h2")) {
            env.put("h2_durability", System.getenv().getOrDefault("LARKSPUR_H2_DURABILITY", "fsync"));
            env.put("h2_group_commit", System.getenv().getOrDefault("LARKSPUR_H2_GROUP_COMMIT", "true"));
        }
        return env;
    }

    /** The server's connection pools and their sizes, from its Prometheus metrics (empty if none). */
    static Map<String, Integer> pools(Api api, String adminToken) {
        var pools = new TreeMap<String, Integer>();
        try {
            var response = api.http.send(
                    api.request("GET", "/admin/metrics", null, adminToken),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var matcher = POOL_MAX.matcher(response.body());
            while (matcher.find()) {
                pools.put(matcher.group(1), (int) Double.parseDouble(matcher.group(2)));
            }
        } catch (java.io.IOException e) {
            // no metrics: the report says the pools are unknown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pools;
    }

    /** The pool the server's requests (and so its sends) take connections from. */
    static int requestPool(Map<String, Integer> pools) {
        return pools.getOrDefault(
                "larkspur", pools.values().stream().findFirst().orElse(10));
    }
}
