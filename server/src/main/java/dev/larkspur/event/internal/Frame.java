package dev.larkspur.event.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code pbbp2.Frame} of the long connection (spec/protocols.md §4.5), encoded by hand: the
 * schema is nine fields and every SDK ships its own copy, so generated code would buy nothing. The
 * SDKs enforce proto2 {@code required}, so fields 1–4 are always written, even when zero.
 */
public record Frame(
        long seqId,
        long logId,
        int service,
        int method,
        List<Header> headers,
        String payloadEncoding,
        String payloadType,
        byte[] payload,
        String logIdNew) {
    public static final int CONTROL = 0;
    public static final int DATA = 1;

    public record Header(String key, String value) {}

    public Frame {
        headers = List.copyOf(headers);
    }

    public static Frame control(int service, String type, byte[] payload) {
        return new Frame(0, 0, service, CONTROL, List.of(new Header("type", type)), null, null, payload, null);
    }

    /** The first value of a header, as the SDKs look headers up. */
    public Optional<String> header(String key) {
        return headers.stream()
                .filter(h -> h.key().equals(key))
                .map(Header::value)
                .findFirst();
    }

    public byte[] encode() {
        var bytes = new ByteArrayOutputStream();
        try {
            var out = CodedOutputStream.newInstance(bytes);
            out.writeUInt64(1, seqId);
            out.writeUInt64(2, logId);
            out.writeInt32(3, service);
            out.writeInt32(4, method);
            for (var h : headers) {
                out.writeTag(5, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(CodedOutputStream.computeStringSize(1, h.key())
                        + CodedOutputStream.computeStringSize(2, h.value()));
                out.writeString(1, h.key());
                out.writeString(2, h.value());
            }
            if (payloadEncoding != null) {
                out.writeString(6, payloadEncoding);
            }
            if (payloadType != null) {
                out.writeString(7, payloadType);
            }
            if (payload != null) {
                out.writeByteArray(8, payload);
            }
            if (logIdNew != null) {
                out.writeString(9, logIdNew);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a frame, skipping unknown fields; a frame without its required fields is refused. */
    public static Frame decode(byte[] bytes) throws InvalidProtocolBufferException {
        try {
            var in = CodedInputStream.newInstance(bytes);
            long seqId = 0;
            long logId = 0;
            int service = 0;
            int method = 0;
            int seen = 0;
            var headers = new ArrayList<Header>();
            String encoding = null;
            String type = null;
            byte[] payload = null;
            String logIdNew = null;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag) {
                    case (1 << 3) -> {
                        seqId = in.readUInt64();
                        seen |= 1;
                    }
                    case (2 << 3) -> {
                        logId = in.readUInt64();
                        seen |= 2;
                    }
                    case (3 << 3) -> {
                        service = in.readInt32();
                        seen |= 4;
                    }
                    case (4 << 3) -> {
                        method = in.readInt32();
                        seen |= 8;
                    }
                    case (5 << 3) | 2 -> headers.add(header(in.readBytes().newCodedInput()));
                    case (6 << 3) | 2 -> encoding = in.readString();
                    case (7 << 3) | 2 -> type = in.readString();
                    case (8 << 3) | 2 -> payload = in.readByteArray();
                    case (9 << 3) | 2 -> logIdNew = in.readString();
                    default -> in.skipField(tag);
                }
            }
            if (seen != 15) {
                throw new InvalidProtocolBufferException("frame misses a required field");
            }
            return new Frame(seqId, logId, service, method, headers, encoding, type, payload, logIdNew);
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidProtocolBufferException(e);
        }
    }

    private static Header header(CodedInputStream in) throws IOException {
        String key = null;
        String value = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case (1 << 3) | 2 -> key = in.readString();
                case (2 << 3) | 2 -> value = in.readString();
                default -> in.skipField(tag);
            }
        }
        if (key == null || value == null) {
            throw new InvalidProtocolBufferException("header misses its key or value");
        }
        return new Header(key, value);
    }
}
