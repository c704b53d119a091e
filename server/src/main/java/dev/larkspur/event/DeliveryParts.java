package dev.larkspur.event;

import dev.larkspur.event.internal.DeliveryRepository;
import dev.larkspur.platform.EventsPool;
import dev.larkspur.platform.LarkspurProperties;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What every {@link DeliveryPipeline} shares, whatever its transport. */
@Component
record DeliveryParts(
        DeliveryRepository deliveries,
        EventRenderer renderer,
        EventSettingsService settings,
        EventApps apps,
        @EventsPool TransactionTemplate tx,
        EventMeter meter,
        DeliveryFaults faults,
        EventSignals signals,
        LarkspurProperties props,
        Clock clock) {}
