package dev.larkspur.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Larkspur's settings. application.yml maps the documented environment variables
 * ({@code LARKSPUR_DATA_DIR}, {@code LARKSPUR_DB_URL}, …) onto these names.
 */
@ConfigurationProperties("larkspur")
public record LarkspurProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Database db,
        String seed,
        String adminToken,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Events events,
        @DefaultValue H2 h2) {

    /**
     * An external database; when {@code url} is blank, an H2 file database in the data directory.
     * {@code poolSize} connections serve requests, {@code eventsPoolSize} more the event workers
     * ({@link EventsPool}).
     */
    public record Database(
            String url,
            String user,
            String password,
            @DefaultValue("24") int poolSize,
            @DefaultValue("8") int eventsPoolSize) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * Event delivery: background workers on or off, how often they look for work when not woken,
     * how many pushes run at once (per mode) and how many of those one app may hold (so that an app
     * whose receiver stalls or never ACKs delays only its own events), the factor on Feishu's retry
     * ladder (tests use a small one), and how long a claimed delivery stays leased: after a crash,
     * its push waits that long to be sent again. The lease must outlast a push (bounded at 3 s) and
     * its bookkeeping, or a slow push is sent twice.
     */
    public record Events(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") long pollMillis,
            @DefaultValue("16") int senders,
            @DefaultValue("1.0") double retryFactor,
            @DefaultValue("30000") long leaseMillis,
            @DefaultValue("8") int sendersPerApp) {
        public Events {
            if (sendersPerApp <= 0) {
                throw new IllegalArgumentException(
                        "larkspur.events.senders-per-app must be positive; got " + sendersPerApp);
            }
            if (leaseMillis < 5000) {
                throw new IllegalArgumentException("larkspur.events.lease-millis must be at least 5000 (a push takes"
                        + " up to 3 s); got " + leaseMillis);
            }
        }

        /** One app's share of a mode's pushes in flight: never more than the mode has. */
        public int appShare() {
            return Math.min(sendersPerApp, senders);
        }
    }

    /**
     * Per app and per API, as Feishu documents for the IM endpoints: 50 requests a second and 1000 a
     * minute (spec/group.md §1.5, spec/message.md §1.6).
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("50") int perSecond,
            @DefaultValue("1000") int perMinute) {}

    /**
     * The embedded H2 database (ignored with PostgreSQL). {@code durability}: what a 2xx promises,
     * {@code fsync} (the default: the commit is forced to the disk, so it survives a power loss or a
     * kernel crash) or {@code write} (the commit is in the file, in the operating system's cache: it
     * survives a killed process, not a power loss). {@code groupCommit}: concurrent commits share one
     * file write and one fsync ({@link EmbeddedDatabase}); it relies on H2 internals, so it can be
     * turned off, and then H2 writes each commit itself and never fsyncs, which is {@code write}.
     */
    public record H2(@DefaultValue("fsync") Durability durability, @DefaultValue("true") boolean groupCommit) {
        public H2 {
            if (!groupCommit && durability == Durability.FSYNC) {
                throw new IllegalArgumentException("larkspur.h2.group-commit=false needs larkspur.h2.durability=write:"
                        + " without group commit H2 writes each commit to the file but never fsyncs it");
            }
        }

        /** The defaults: group commit, each group forced to the disk. */
        public static H2 defaults() {
            return new H2(Durability.FSYNC, true);
        }
    }

    /** What a committed write has reached when its request is answered (see {@link H2}). */
    public enum Durability {
        /** On the disk: the file is forced (fsync) before the answer. */
        FSYNC,
        /** In the file, which the operating system writes to the disk later. */
        WRITE
    }
}
