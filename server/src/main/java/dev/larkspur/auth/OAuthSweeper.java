package dev.larkspur.auth;

import dev.larkspur.auth.internal.OAuthSweeps;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@code larkspur.oauth.sweep-interval} (ten minutes), deletes codes and refresh tokens that
 * expired more than a day ago: for that day a late redemption still hears "expired" rather than
 * "invalid". Each run deletes at most {@link #BATCH} of each, so a backlog drains over several
 * runs without one long transaction; on several instances the deletes simply find less to do.
 */
@Component
class OAuthSweeper implements SmartLifecycle {
    static final int BATCH = 1_000;
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(OAuthSweeper.class);

    private final OAuthSweeps sweeps;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService timer;

    OAuthSweeper(OAuthSweeps sweeps, Clock clock, @Value("${larkspur.oauth.sweep-interval:10m}") Duration interval) {
        this.sweeps = sweeps;
        this.clock = clock;
        this.interval = interval;
    }

    void sweep() {
        try {
            long before = clock.millis() - KEPT_AFTER_EXPIRY.toMillis();
            sweeps.codes(before, BATCH);
            sweeps.refreshTokens(before, BATCH);
        } catch (RuntimeException e) {
            log.warn("sweeping expired OAuth codes and refresh tokens failed; trying again later", e);
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "larkspur-oauth-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
