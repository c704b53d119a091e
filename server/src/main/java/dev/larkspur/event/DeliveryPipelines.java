package dev.larkspur.event;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link DeliveryPipeline} per transport: HTTP callbacks and long connections. */
@Configuration(proxyBeanMethods = false)
class DeliveryPipelines {
    @Bean
    DeliveryPipeline callbackDelivery(CallbackPush transport, DeliveryParts parts) {
        return new DeliveryPipeline(transport, parts);
    }

    @Bean
    DeliveryPipeline longConnectionDelivery(LongConnectionTransport transport, DeliveryParts parts) {
        return new DeliveryPipeline(transport, parts);
    }
}
