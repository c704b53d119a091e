package dev.larkspur.event;

import dev.larkspur.directory.AppService;
import dev.larkspur.event.internal.DeliveryRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/** A delivery's event rendered as its app receives it, for the inspector. */
@Service
public class DeliveredEvents {
    private final DeliveryRepository deliveries;
    private final AppService apps;
    private final EventRenderer renderer;
    private final EventSettingsService settings;

    DeliveredEvents(
            DeliveryRepository deliveries, AppService apps, EventRenderer renderer, EventSettingsService settings) {
        this.deliveries = deliveries;
        this.apps = apps;
        this.renderer = renderer;
        this.settings = settings;
    }

    /**
     * The event with the app's open_ids, tenant key and current verification token, before any
     * encryption, as every push renders it; empty when the delivery or its app is gone.
     */
    @Transactional(readOnly = true)
    public Optional<ObjectNode> of(long deliveryPk) {
        return deliveries.find(deliveryPk).flatMap(d -> apps.findByPk(d.appPk())
                .map(app -> renderer.render(
                        deliveries.event(d.eventPk()).orElseThrow(),
                        app,
                        settings.settingsOf(app.pk()).verificationToken())));
    }
}
