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
        @DefaultValue Events events) {

    /** An external database; when {@code url} is blank, an H2 file database in the data directory. */
    public record Database(String url, String user, String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * Per app and per API, as Feishu documents for the IM endpoints: 50 requests a second and 1000 a
     * minute (spec/group.md §1.5, spec/message.md §1.6).
     */
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

    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("50") int perSecond,
            @DefaultValue("1000") int perMinute) {}
}
