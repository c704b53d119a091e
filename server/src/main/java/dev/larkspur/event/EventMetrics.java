package dev.larkspur.event;

/**
 * What the event pipeline tells the metrics module: events recorded, deliveries fanned out, and
 * each push attempt's outcome. Called only by {@link EventMeter}, which the pipeline calls once at
 * each of those points, so that the overview and the metrics count the same events; no-op when
 * metrics are off.
 */
public interface EventMetrics {
    void recorded(String eventType);

    void fannedOut(int deliveries);

    /**
     * One attempt at a delivery in {@code mode} ({@code callback} or {@code websocket}): its
     * number, whether the bot took it, whether it was the last the ladder allows, how long the push
     * took, and how long since the delivery was created.
     */
    void attempted(String mode, int attempt, boolean delivered, boolean gaveUp, long pushMs, long sinceCreatedMs);

    EventMetrics NONE = new EventMetrics() {
        @Override
        public void recorded(String eventType) {}

        @Override
        public void fannedOut(int deliveries) {}

        @Override
        public void attempted(
                String mode, int attempt, boolean delivered, boolean gaveUp, long pushMs, long sinceCreatedMs) {}
    };
}
