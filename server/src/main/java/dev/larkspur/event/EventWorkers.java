package dev.larkspur.event;

import dev.larkspur.platform.BackgroundWrites;
import dev.larkspur.platform.LarkspurProperties;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The background side of events: a fan-out loop and one loop per {@link DeliveryPipeline} (callbacks,
 * long connections), each woken by its own work in this process and otherwise polling; one
 * recorder per pipeline that writes finished attempts in batches; and bounded numbers of pushes in
 * flight (one bound per mode, so that bots which never ACK cannot hold up callbacks, and within it
 * a share per app, kept by each pipeline).
 */
@Component
class EventWorkers implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EventWorkers.class);
    private final Fanout fanout;
    private final List<DeliveryPipeline> pipelines;
    private final EventSignals signals;
    private final LarkspurProperties.Events config;
    private volatile boolean running;
    private ExecutorService loops;
    private final List<ExecutorService> senders = new CopyOnWriteArrayList<>();

    EventWorkers(Fanout fanout, List<DeliveryPipeline> pipelines, EventSignals signals, LarkspurProperties props) {
        this.fanout = fanout;
        this.pipelines = List.copyOf(pipelines);
        this.signals = signals;
        this.config = props.events();
    }

    @Override
    public void start() {
        if (!config.enabled()) {
            return;
        }
        running = true;
        loops = Executors.newFixedThreadPool(1 + 2 * pipelines.size(), daemon("larkspur-events"));
        loops.submit(() -> loop("fan-out", () -> fanout.runOnce() > 0, signals::generation, signals::await));
        for (var pipeline : pipelines) {
            var inFlight = new Semaphore(config.senders());
            // Each mode prepares its pushes (lookups, rendering, fault rules, the send of a frame)
            // on threads of its own, never more than its pushes in flight, so that a push held up
            // before it is on its way (a delay rule, a full socket) holds only a place of its app.
            var preparers = Executors.newCachedThreadPool(daemon("larkspur-push"));
            senders.add(preparers);
            String mode = pipeline.mode();
            loops.submit(() -> loop(
                    mode,
                    () -> dispatch(inFlight, pipeline, preparers),
                    () -> signals.deliveryGeneration(mode),
                    (seen, millis) -> signals.awaitDeliveries(mode, seen, millis)));
            loops.submit(() -> record(pipeline));
        }
    }

    private boolean dispatch(Semaphore bound, DeliveryPipeline pipeline, ExecutorService preparers)
            throws InterruptedException {
        int free = bound.availablePermits();
        if (free == 0) {
            bound.acquire();
            bound.release();
            return true;
        }
        var due = pipeline.claim(free);
        bound.acquire(due.size());
        pipeline.send(due, preparers, bound::release);
        return !due.isEmpty();
    }

    private void record(DeliveryPipeline pipeline) {
        while (running) {
            try {
                if (pipeline.recordFinished(config.pollMillis()) > 0) {
                    // Places came back: deliveries of apps that were at their share may go now.
                    signals.wakeForPlaces(pipeline.mode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("event {} recorder error; retrying", pipeline.mode(), e);
                sleepQuietly();
            }
        }
    }

    private interface Step {
        boolean run() throws InterruptedException;
    }

    private interface Await {
        void await(long seen, long millis) throws InterruptedException;
    }

    private void loop(String name, Step step, LongSupplier generation, Await await) {
        while (running) {
            try {
                long seen = generation.getAsLong();
                if (!step.run()) {
                    await.await(seen, config.pollMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("event {} loop error; retrying", name, e);
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(config.pollMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (loops != null) {
            signals.wake();
            signals.wakeAllDeliveries();
            loops.shutdownNow();
            senders.forEach(ExecutorService::shutdown);
            try {
                for (var preparers : senders) {
                    preparers.awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Worker threads; their writes are redone from the outbox after a crash (see BackgroundWrites). */
    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            var thread = new Thread(() -> BackgroundWrites.run(runnable), name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
