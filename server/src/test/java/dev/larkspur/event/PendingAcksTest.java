package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** ACK payloads as each SDK writes them (spec/protocols.md §4.9). */
class PendingAcksTest {
    private final PendingAcks acks = new PendingAcks(JsonMapper.builder().build());

    private PendingAcks.Ack parse(String payload) {
        return acks.parse(payload == null ? null : payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void javaAndNodeSuccessHasOnlyACode() {
        assertThat(parse("{\"code\":200}")).isEqualTo(new PendingAcks.Ack(200, null));
    }

    @Test
    void goWritesNullHeadersAndData() {
        assertThat(parse("{\"code\":200,\"headers\":null,\"data\":null}")).isEqualTo(new PendingAcks.Ack(200, null));
    }

    @Test
    void handlerErrorIsCode500() {
        assertThat(parse("{\"code\":500}").code()).isEqualTo(500);
    }

    @Test
    void callbackAnswerIsBase64OfJson() {
        var ack = parse("{\"code\":200,\"data\":\"eyJ0b2FzdCI6eyJ0eXBlIjoic3VjY2VzcyIsImNvbnRlbnQiOiJvayJ9fQ==\"}");

        assertThat(ack.data().path("toast").path("content").asString()).isEqualTo("ok");
    }

    @Test
    void nodeAnswerForAnUnhandledTypeIsAJsonString() {
        var ack = parse("{\"code\":200,\"data\":\"Im5vIHgudW5rbm93bl92MSBldmVudCBoYW5kbGUi\"}");

        assertThat(ack.data().asString()).isEqualTo("no x.unknown_v1 event handle");
    }

    @Test
    void somethingThatIsNotJsonIsNoSuccess() {
        assertThat(parse("garbage").code()).isNotEqualTo(200);
        assertThat(parse(null).code()).isNotEqualTo(200);
    }

    @Test
    void closingAConnectionFailsOnlyItsOwnPushes() {
        var mine = acks.expect("m1", "device-1");
        var other = acks.expect("m2", "device-2");

        acks.connectionClosed("device-1");
        acks.acked("m2", "{\"code\":200}".getBytes(StandardCharsets.UTF_8));

        assertThat(mine).isCompletedExceptionally();
        assertThat(other).isCompletedWithValue(new PendingAcks.Ack(200, null));
        acks.acked("m1", "{\"code\":200}".getBytes(StandardCharsets.UTF_8));
        assertThat(mine).failsWithin(java.time.Duration.ZERO).withThrowableOfType(ExecutionException.class);
    }
}
