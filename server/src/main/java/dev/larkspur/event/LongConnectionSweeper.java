package dev.larkspur.event;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Once a second, closes long connections that stopped pinging: no SDK uses a missing pong to
 * reconnect, so a half-open socket would otherwise take events forever (spec/protocols.md §4.8).
 */
@Component
class LongConnectionSweeper implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LongConnectionSweeper.class);
    private final LongConnections connections;
    private ScheduledExecutorService timer;

    LongConnectionSweeper(LongConnections connections) {
        this.connections = connections;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "larkspur-ws-sweep");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    private void sweep() {
        try {
            connections.sweep();
        } catch (RuntimeException e) {
            log.warn("long connection sweep failed; trying again in a second", e);
        }
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
