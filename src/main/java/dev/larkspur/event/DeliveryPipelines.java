package dev.larkspur.event;

import dev.larkspur.directory.AppService;
import dev.larkspur.event.internal.DeliveryRepository;
import dev.larkspur.platform.LarkspurProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** One {@link DeliveryPipeline} per transport: HTTP callbacks and long connections. */
@Configuration(proxyBeanMethods = false)
class DeliveryPipelines {
    @Bean
    DeliveryPipeline callbackDelivery(CallbackPush transport, Parts parts) {
        return parts.pipeline(transport);
    }

    @Bean
    DeliveryPipeline longConnectionDelivery(LongConnectionTransport transport, Parts parts) {
        return parts.pipeline(transport);
    }

    @Bean
    Parts deliveryParts(
            DeliveryRepository deliveries,
            EventRenderer renderer,
            EventSettingsService settings,
            AppService apps,
            TransactionTemplate tx,
            EventMeter meter,
            EventMetrics metrics,
            DeliveryFaults faults,
            LarkspurProperties props,
            Clock clock) {
        return new Parts(deliveries, renderer, settings, apps, tx, meter, metrics, faults, props, clock);
    }

    /** What every pipeline shares. */
    record Parts(
            DeliveryRepository deliveries,
            EventRenderer renderer,
            EventSettingsService settings,
            AppService apps,
            TransactionTemplate tx,
            EventMeter meter,
            EventMetrics metrics,
            DeliveryFaults faults,
            LarkspurProperties props,
            Clock clock) {
        DeliveryPipeline pipeline(DeliveryTransport transport) {
            return new DeliveryPipeline(
                    transport, deliveries, renderer, settings, apps, tx, meter, metrics, faults, props, clock);
        }
    }
}
