package dev.larkspur.event;

import dev.larkspur.directory.AppService;
import dev.larkspur.event.internal.DeliveryRepository;
import dev.larkspur.platform.Ids;
import dev.larkspur.platform.LarkspurProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes due deliveries to request URLs: the event rendered for the app, encrypted and signed when
 * it has an Encrypt Key; HTTP 200 within 3 s is success, anything else climbs the retry ladder.
 * Every attempt is recorded. A delivery is leased while in flight, so a crash only delays it.
 */
@Component
public class CallbackDelivery {
    private final DeliveryRepository deliveries;
    private final EventRenderer renderer;
    private final EventSettingsService settings;
    private final AppService apps;
    private final CallbackTransport transport;
    private final DeliveryFaults faults;
    private final EventMetrics metrics;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final RetryLadder ladder;
    private final Duration lease;
    private final Clock clock;

    CallbackDelivery(
            DeliveryRepository deliveries,
            EventRenderer renderer,
            EventSettingsService settings,
            AppService apps,
            CallbackTransport transport,
            DeliveryFaults faults,
            EventMetrics metrics,
            JsonMapper json,
            TransactionTemplate tx,
            LarkspurProperties props,
            Clock clock) {
        this.deliveries = deliveries;
        this.renderer = renderer;
        this.settings = settings;
        this.apps = apps;
        this.transport = transport;
        this.faults = faults;
        this.metrics = metrics;
        this.json = json;
        this.tx = tx;
        this.ladder = new RetryLadder(props.events().retryFactor());
        this.lease = Duration.ofMillis(props.events().leaseMillis());
        this.clock = clock;
    }

    /** Claims up to {@code limit} due deliveries; the caller sends each (possibly in parallel). */
    public List<Delivery> claim(int limit) {
        long now = clock.millis();
        var claimed = tx.execute(s -> deliveries.claimDue(EventSettings.CALLBACK, now, now + lease.toMillis(), limit));
        return claimed == null ? List.of() : claimed;
    }

    /** One attempt at one delivery, and its bookkeeping. */
    public void send(Delivery delivery) {
        var event = deliveries.event(delivery.eventPk()).orElse(null);
        var app = apps.findByPk(delivery.appPk()).orElse(null);
        var config = settings.find(delivery.appPk()).orElse(null);
        CallbackTransport.Response response;
        if (event == null || app == null) {
            response = new CallbackTransport.Response(0, null, 0, "the event or the app no longer exists");
        } else if (config == null || config.requestUrl() == null) {
            response = new CallbackTransport.Response(0, null, 0, "the app has no request URL");
        } else {
            String plain = json.writeValueAsString(renderer.render(event, app, config.verificationToken()));
            response = faults.push(
                    delivery.appPk(),
                    () -> push(config, plain),
                    dropped -> new CallbackTransport.Response(0, null, 0, dropped));
        }
        record(delivery, response);
    }

    private CallbackTransport.Response push(EventSettings config, String plain) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("X-Request-Id", Ids.hex(32));
        String body = plain;
        if (config.encrypted()) {
            body = json.writeValueAsString(Map.of("encrypt", EventCrypto.encrypt(config.encryptKey(), plain)));
            String timestamp = String.valueOf(clock.millis() / 1000);
            String nonce = Ids.hex(16);
            headers.put("X-Lark-Request-Timestamp", timestamp);
            headers.put("X-Lark-Request-Nonce", nonce);
            headers.put("X-Lark-Signature", EventCrypto.sign(timestamp, nonce, config.encryptKey(), body));
        }
        return transport.post(config.requestUrl(), headers, body, CallbackTransport.DELIVERY_TIMEOUT);
    }

    private void record(Delivery delivery, CallbackTransport.Response response) {
        long now = clock.millis();
        int attempt = delivery.attempts() + 1;
        String error = response.ok() ? null : response.error() != null ? response.error() : "HTTP " + response.status();
        tx.executeWithoutResult(s -> {
            deliveries.recordAttempt(
                    delivery.pk(),
                    attempt,
                    now,
                    response.status() == 0 ? null : response.status(),
                    response.latencyMs(),
                    error);
            if (response.ok()) {
                deliveries.succeeded(delivery.pk(), attempt, response.status(), response.latencyMs(), now);
            } else {
                deliveries.failed(
                        delivery.pk(),
                        attempt,
                        response.status() == 0 ? null : response.status(),
                        error,
                        response.latencyMs(),
                        ladder.next(attempt, now));
            }
        });
        metrics.attempted(
                EventSettings.CALLBACK,
                attempt,
                response.ok(),
                !response.ok() && ladder.next(attempt, now) == null,
                response.latencyMs(),
                now - delivery.createdAt());
    }
}
