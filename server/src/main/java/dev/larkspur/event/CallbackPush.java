package dev.larkspur.event;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery by HTTP callback: the envelope, encrypted and signed when the app has an Encrypt Key,
 * posted to its request URL; HTTP 200 within 3 s is success (spec/protocols.md §3.8).
 */
@Component
class CallbackPush implements DeliveryTransport {
    private final CallbackTransport http;
    private final JsonMapper json;
    private final Clock clock;

    CallbackPush(CallbackTransport http, JsonMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String mode() {
        return EventSettings.CALLBACK;
    }

    @Override
    public CompletableFuture<PushOutcome> pushAsync(Push push) {
        var config = push.settings();
        if (config == null || config.requestUrl() == null) {
            return CompletableFuture.completedFuture(PushOutcome.notSent("the app has no request URL"));
        }
        var request = CallbackRequest.of(config, json.writeValueAsString(push.envelope()), json, clock.millis());
        return http.postAsync(
                        config.requestUrl(), request.headers(), request.body(), CallbackTransport.DELIVERY_TIMEOUT)
                .thenApply(CallbackPush::outcome);
    }

    static PushOutcome outcome(CallbackTransport.Response response) {
        if (response.ok()) {
            return PushOutcome.delivered(response.latencyMs());
        }
        return PushOutcome.failed(
                response.status() == 0 ? null : response.status(),
                response.latencyMs(),
                response.error() != null ? response.error() : "HTTP " + response.status());
    }
}
