package dev.larkspur.support;

import dev.larkspur.event.CallbackTransport;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the callbacks a server instance sends (pushes and url_verification challenges) by wrapping
 * its way out to request URLs, so that a test can tell which instance did the work.
 */
final class CallbackCounter implements BeanPostProcessor {
    private final AtomicInteger sent;

    CallbackCounter(AtomicInteger sent) {
        this.sent = sent;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CallbackTransport transport) {
            return (CallbackTransport) (url, headers, body, timeout) -> {
                sent.incrementAndGet();
                return transport.post(url, headers, body, timeout);
            };
        }
        return bean;
    }
}
