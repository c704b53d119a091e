package dev.larkspur.support;

import dev.larkspur.LarkspurApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Larkspur server on a random port, on its own database, with a clock the test controls.
 * {@link #restart()} stops it and starts a new process-equivalent on the same data;
 * {@link #secondOn} starts another instance on the same database, as a cluster would run.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_TOKEN = "test-admin-token";

    private final TestDatabase database;
    private final MutableClock clock;
    private final Map<String, Object> extra;
    private final boolean ownsDatabase;
    private final AtomicInteger callbacksSent = new AtomicInteger();
    private ConfigurableApplicationContext context;

    private TestServer(TestDatabase database, MutableClock clock, Map<String, Object> extra, boolean ownsDatabase) {
        this.database = database;
        this.clock = clock;
        this.extra = Map.copyOf(extra);
        this.ownsDatabase = ownsDatabase;
        this.context = boot();
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** Starts a server with extra Spring properties (e.g. {@code larkspur.rate-limit.per-second}). */
    public static TestServer start(Map<String, Object> properties) {
        try {
            Path dir = Files.createTempDirectory("larkspur-it");
            return new TestServer(TestDatabase.fresh(dir), MutableClock.startingNow(), properties, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A second instance on the first one's PostgreSQL schema and data directory, with its own
     * extra properties; close it before the first, which drops the schema. H2 serves one instance.
     */
    public static TestServer secondOn(TestServer first, Map<String, Object> properties) {
        if (!first.database.kind().equals("postgres")) {
            throw new IllegalStateException("only PostgreSQL serves several instances");
        }
        return new TestServer(first.database, first.clock, properties, false);
    }

    private ConfigurableApplicationContext boot() {
        var props = new HashMap<String, Object>(database.properties());
        props.put("server.port", "0");
        props.put("larkspur.admin-token", ADMIN_TOKEN);
        props.put("logging.level.root", "WARN");
        // Feishu's 1 s for the url_verification answer is proven by UrlVerificationIT; elsewhere setting
        // a request URL is only set-up, which a loaded test machine must not fail on this rule.
        props.put("larkspur.url-verification.timeout", "10s");
        // Tests post many messages into one chat at once; the 5-a-second chat limit is proven by
        // a server of its own (MessageSendLimitIT).
        props.put("larkspur.messages.per-chat-per-second", "0");
        // Test bots listen on 127.0.0.1, on PostgreSQL too, where loopback is refused by default;
        // the policy itself is proven by RequestUrlPolicyIT.
        props.put("larkspur.events.request-url.allow-loopback", "true");
        props.putAll(extra);
        // As command-line arguments, so that they win over application.yml like real settings do.
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LarkspurApplication.class)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("clock", clock);
                    ctx.getBeanFactory().addBeanPostProcessor(new CallbackCounter(callbacksSent));
                })
                .run(args);
    }

    /** Stops the server and starts it again on the same database and data directory. */
    public void restart() {
        context.close();
        context = boot();
    }

    public String baseUrl() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }

    /** How many callbacks this instance has sent to request URLs: pushes and url_verification. */
    public int callbacksSent() {
        return callbacksSent.get();
    }

    public MutableClock clock() {
        return clock;
    }

    public Path dataDir() {
        return database.dataDir();
    }

    /** What the demo tenant wrote to {@code demo-credentials.txt} (app_id, app_secret, web_password, …). */
    public Properties demoCredentials() {
        var props = new Properties();
        try (var in = Files.newBufferedReader(dataDir().resolve("demo-credentials.txt"))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    /**
     * A bean of the running server, for fixtures that no API can set up yet (e.g. a chat mode that
     * no endpoint creates) and for checking what was stored where no API reads it back. Tests drive
     * behaviour through the SDK, never through beans.
     */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Admin admin() {
        return new Admin(baseUrl(), ADMIN_TOKEN);
    }

    public RawHttp http() {
        return new RawHttp(baseUrl());
    }

    @Override
    public void close() {
        context.close();
        if (ownsDatabase) {
            database.drop();
        }
    }
}
