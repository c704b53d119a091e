package dev.larkspur.event;

import dev.larkspur.directory.App;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a delivery leaves the server: the one part of the {@link DeliveryPipeline} that differs
 * between callbacks and long connections. A port, so that the pipeline's rules can be tested with
 * a fake.
 */
interface DeliveryTransport {
    /** The delivery mode this transport serves, as stored on the delivery row. */
    String mode();

    /** Apps whose deliveries this instance should claim before any other (none: due order only). */
    default Collection<Long> preferredApps() {
        return List.of();
    }

    /**
     * How long a due delivery of an app not in {@link #preferredApps()} waits before this instance
     * takes it anyway, so that the instance that can push it gets the first chance.
     */
    default Duration unclaimedGrace() {
        return Duration.ZERO;
    }

    /**
     * One push of one event to one app, started at once and finished without holding the caller's
     * thread, so that many may be in flight; never fails, a failure is an outcome.
     */
    CompletableFuture<PushOutcome> pushAsync(Push push);

    /** As {@link #pushAsync}, waiting for the outcome. */
    default PushOutcome push(Push push) {
        return pushAsync(push).join();
    }

    /**
     * What to push: the event, its app, the app's settings (null when it never saved any), and the
     * envelope rendered for it.
     */
    record Push(StoredEvent event, App app, EventSettings settings, ObjectNode envelope) {}
}
