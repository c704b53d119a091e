package dev.larkspur.junit;

import dev.larkspur.LarkspurApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One Larkspur in the test's JVM: the server's own Spring application on a random loopback port,
 * with its data in a temporary directory (H2) or a fresh PostgreSQL schema, both removed on close.
 * Kept in JUnit's root store, so that every test class of the run that asks for the same settings
 * shares it (a start costs seconds; a reset between tests costs milliseconds).
 */
@SuppressWarnings("deprecation") // CloseableResource for JUnit 5 before 5.13; AutoCloseable for later ones.
final class EmbeddedLarkspur implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final Seed seed;
    private final Path dataDir;
    private final PostgresSchema schema;
    private final String adminToken = "kit-" + UUID.randomUUID();
    private final ConfigurableApplicationContext context;
    private final Larkspur handle;
    private boolean closed;

    private EmbeddedLarkspur(Seed seed, Database database, String[] extra) throws IOException {
        this.seed = seed;
        this.dataDir = Files.createTempDirectory("larkspur-junit");
        Path seedFile = dataDir.resolve("seed.yaml");
        Files.writeString(seedFile, seed.yaml());
        this.schema = database == Database.POSTGRESQL ? PostgresSchema.create() : null;
        try {
            this.context = new SpringApplicationBuilder(LarkspurApplication.class).run(arguments(seedFile, extra));
        } catch (RuntimeException e) {
            if (schema != null) {
                schema.drop();
            }
            deleteQuietly(dataDir);
            throw e;
        }
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.handle = new Larkspur("http://127.0.0.1:" + port, adminToken, seed);
    }

    static EmbeddedLarkspur start(Seed seed, Database database, String[] extra) {
        try {
            return new EmbeddedLarkspur(seed, database, extra);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a data directory for Larkspur", e);
        }
    }

    private String[] arguments(Path seedFile, String[] extra) {
        var props = new LinkedHashMap<String, String>();
        // Only the server's own application.yml: a bot project's application.yml earlier on the test
        // classpath would otherwise be read in its place.
        props.put("spring.config.location", serverConfig());
        props.put("server.port", "0");
        props.put("server.address", "127.0.0.1");
        props.put("larkspur.data-dir", dataDir.toString());
        props.put("larkspur.seed", seedFile.toString());
        props.put("larkspur.admin-token", adminToken);
        // The kit's reset (POST /admin/v1/testing/reset) exists only when this is on.
        props.put("larkspur.testing.reset-enabled", "true");
        // Test data needs to survive a killed process, not a power loss: no fsync per commit.
        props.put("larkspur.h2.durability", "write");
        // Feishu's retry ladder (15 s, 5 min, 1 h, 6 h) scaled down so that a dropped push is retried
        // within a test's patience: 150 ms, 3 s, 36 s, 3.6 min.
        props.put("larkspur.events.retry-factor", "0.01");
        // Bots under test listen on 127.0.0.1, which PostgreSQL deployments refuse by default; and a
        // loaded CI machine must not fail Feishu's 1 s url_verification limit while setting one up.
        props.put("larkspur.events.request-url.allow-loopback", "true");
        props.put("larkspur.url-verification.timeout", "10s");
        props.put("logging.level.dev.larkspur", "WARN");
        props.put("logging.level.org.springframework", "WARN");
        props.put("logging.level.org.flywaydb", "WARN");
        props.put("logging.level.com.zaxxer", "WARN");
        props.put("logging.level.org.apache", "WARN");
        if (schema != null) {
            props.putAll(schema.properties());
        }
        for (String kv : extra) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@LarkspurTest properties are key=value, not " + kv);
            }
            props.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
        }
        // As command-line arguments, so that they win over application.yml and the environment.
        return props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    /** The application.yml next to LarkspurApplication: in the server's jar or its classes directory. */
    private static String serverConfig() {
        try {
            var location = LarkspurApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation();
            Path path = Path.of(location.toURI());
            if (Files.isDirectory(path)) {
                return path.resolve("application.yml").toUri().toString();
            }
            return "jar:" + path.toUri() + "!/application.yml";
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the Larkspur server's classes", e);
        }
    }

    Larkspur handle() {
        return handle;
    }

    Seed seed() {
        return seed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            context.close();
        } finally {
            if (schema != null) {
                schema.drop();
            }
            deleteQuietly(dataDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory left behind is harmless; failing the run for it is not.
        }
    }

    /** What makes two servers different: a test class asking for the same gets the same server. */
    static String key(Seed seed, Database database, String[] extra) {
        return "larkspur:" + database + "\n" + String.join("\n", extra) + "\n" + seed.yaml();
    }
}
