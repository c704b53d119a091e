package dev.larkspur.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.lark.oapi.google.protobuf.ByteString;
import com.lark.oapi.ws.pb.Pbbp2;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written pbbp2 codec against the Java SDK's generated one and the spec's wire samples. */
class FrameTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String CONFIG =
            "{\"PingInterval\":120,\"ReconnectCount\":-1,\"ReconnectInterval\":120,\"ReconnectNonce\":30}";

    @Test
    void decodesTheSdksPingAsCapturedOnTheWire() throws Exception {
        var ping = Frame.decode(HEX.parseHex("08001000" + "18f6818010" + "2000" + "2a0c0a0474797065120470696e67"));

        assertThat(ping.service()).isEqualTo(33554678);
        assertThat(ping.method()).isEqualTo(Frame.CONTROL);
        assertThat(ping.header("type")).hasValue("ping");
        assertThat(ping.payload()).isNull();
    }

    @Test
    void encodesAPongByteForByteAsTheSpecShowsIt() {
        byte[] config = CONFIG.getBytes(StandardCharsets.UTF_8);
        var pong = Frame.control(33554678, "pong", config).encode();

        assertThat(HEX.formatHex(pong))
                .isEqualTo("0800100018f681801020002a0c0a04747970651204706f6e674254" + HEX.formatHex(config));
    }

    @Test
    void dataFrameWithZeroIdsParsesInTheSdkWithEveryRequiredField() throws Exception {
        var frame = new Frame(
                0,
                0,
                7,
                Frame.DATA,
                List.of(new Frame.Header("type", "event"), new Frame.Header("sum", "1")),
                null,
                null,
                "{}".getBytes(StandardCharsets.UTF_8),
                null);

        var parsed = Pbbp2.Frame.parseFrom(frame.encode());

        assertThat(parsed.getService()).isEqualTo(7);
        assertThat(parsed.getMethod()).isEqualTo(1);
        assertThat(parsed.getHeadersList()).extracting(Pbbp2.Header::getKey).containsExactly("type", "sum");
        assertThat(parsed.getPayload().toStringUtf8()).isEqualTo("{}");
    }

    @Test
    void readsTheSdksAckWithItsEchoedFields() throws Exception {
        var ack = Pbbp2.Frame.newBuilder()
                .setSeqID(9_007_199_254_740_991L)
                .setLogID(42)
                .setService(7)
                .setMethod(1)
                .addHeaders(Pbbp2.Header.newBuilder().setKey("message_id").setValue("m1"))
                .addHeaders(Pbbp2.Header.newBuilder().setKey("biz_rt").setValue("-3"))
                .setPayloadEncoding("")
                .setPayloadType("")
                .setLogIDNew("x")
                .setPayload(ByteString.copyFromUtf8("{\"code\":200}"))
                .build();

        var frame = Frame.decode(ack.toByteArray());

        assertThat(frame.seqId()).isEqualTo(9_007_199_254_740_991L);
        assertThat(frame.logId()).isEqualTo(42);
        assertThat(frame.header("message_id")).hasValue("m1");
        assertThat(frame.header("biz_rt")).hasValue("-3");
        assertThat(frame.logIdNew()).isEqualTo("x");
        assertThat(new String(frame.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":200}");
    }

    @Test
    void refusesAFrameWithoutItsRequiredFields() {
        assertThatThrownBy(() -> Frame.decode(HEX.parseHex("0800"))).isInstanceOf(InvalidProtocolBufferException.class);
    }
}
