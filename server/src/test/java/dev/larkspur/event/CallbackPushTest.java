package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The callback transport over a fake network: what it sends, and how each answer is recorded. */
class CallbackPushTest {
    private static final String URL = "http://127.0.0.1:9/events";
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);

    private record Sent(String url, Map<String, String> headers, String body, Duration timeout) {}

    /** Answers every post with {@code answer} and keeps what was posted. */
    private static final class FakeHttp implements CallbackTransport {
        final List<Sent> sent = new ArrayList<>();
        final Response answer;

        FakeHttp(Response answer) {
            this.answer = answer;
        }

        @Override
        public Response post(String url, Map<String, String> headers, String body, Duration timeout) {
            sent.add(new Sent(url, Map.copyOf(headers), body, timeout));
            return answer;
        }
    }

    private DeliveryTransport.Push push(String url, String encryptKey) {
        var settings = new EventSettings(1, EventSettings.CALLBACK, url, "vt", encryptKey, null);
        var envelope = json.createObjectNode().put("schema", "2.0");
        return new DeliveryTransport.Push(null, null, settings, envelope);
    }

    @Test
    void postsThePlainEnvelopeWithinFeishusThreeSeconds() {
        var http = new FakeHttp(new CallbackTransport.Response(200, "{}", 8, null));
        var outcome = new CallbackPush(http, json, clock).push(push(URL, null));

        assertThat(outcome).isEqualTo(PushOutcome.delivered(8));
        var sent = http.sent.get(0);
        assertThat(sent.url()).isEqualTo(URL);
        assertThat(sent.body()).isEqualTo("{\"schema\":\"2.0\"}");
        assertThat(sent.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(sent.headers()).containsOnlyKeys("X-Request-Id");
    }

    @Test
    void encryptsAndSignsTheBytesSent() {
        var http = new FakeHttp(new CallbackTransport.Response(200, "{}", 8, null));
        new CallbackPush(http, json, clock).push(push(URL, "key"));

        var sent = http.sent.get(0);
        assertThat(json.readTree(sent.body()).path("encrypt").asString()).isNotEmpty();
        assertThat(sent.headers()).containsEntry("X-Lark-Request-Timestamp", "1700000000");
        String nonce = sent.headers().get("X-Lark-Request-Nonce");
        assertThat(sent.headers().get("X-Lark-Signature"))
                .isEqualTo(EventCrypto.sign("1700000000", nonce, "key", sent.body()));
    }

    @Test
    void anythingButTwoHundredIsAFailedAttemptWithItsStatus() {
        var http = new FakeHttp(new CallbackTransport.Response(503, "busy", 5, null));
        var outcome = new CallbackPush(http, json, clock).push(push(URL, null));
        assertThat(outcome).isEqualTo(PushOutcome.failed(503, 5, "HTTP 503"));
    }

    @Test
    void noAnswerIsAFailedAttemptWithoutAStatus() {
        var http = new FakeHttp(new CallbackTransport.Response(0, null, 3000, "HttpTimeoutException: late"));
        var outcome = new CallbackPush(http, json, clock).push(push(URL, null));
        assertThat(outcome).isEqualTo(PushOutcome.failed(null, 3000, "HttpTimeoutException: late"));
    }

    @Test
    void anAppWithoutRequestUrlIsNotCalled() {
        var http = new FakeHttp(new CallbackTransport.Response(200, "{}", 1, null));
        var outcome = new CallbackPush(http, json, clock).push(push(null, null));
        assertThat(outcome).isEqualTo(PushOutcome.notSent("the app has no request URL"));
        assertThat(http.sent).isEmpty();
    }
}
