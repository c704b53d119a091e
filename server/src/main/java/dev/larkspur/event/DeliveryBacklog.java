package dev.larkspur.event;

import dev.larkspur.event.internal.DeliveryRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/** Deliveries not yet delivered, per mode: how many, and when the oldest was created. */
@Component
public class DeliveryBacklog {
    private final DeliveryRepository deliveries;

    DeliveryBacklog(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** {@code oldestCreatedAt} is null when nothing of the mode is pending. */
    public record Backlog(String mode, long pending, Long oldestCreatedAt) {}

    public List<Backlog> now() {
        return deliveries.backlog();
    }
}
