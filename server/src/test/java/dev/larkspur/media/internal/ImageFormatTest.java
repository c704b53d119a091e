package dev.larkspur.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageFormatTest {

    static Stream<Arguments> signatures() {
        return Stream.of(
                Arguments.of(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'), ImageFormat.JPEG),
                Arguments.of(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13), ImageFormat.PNG),
                Arguments.of(ascii("GIF87a\1\0\1\0"), ImageFormat.GIF),
                Arguments.of(ascii("GIF89a\1\0\1\0"), ImageFormat.GIF),
                Arguments.of(ascii("RIFF\0\0\0\0WEBPVP8 "), ImageFormat.WEBP),
                Arguments.of(ascii("BM\0\0\0\0\0\0\0\0"), ImageFormat.BMP),
                Arguments.of(bytes(0, 0, 1, 0, 1, 0, 16, 16), ImageFormat.ICO),
                Arguments.of(bytes('I', 'I', 0x2A, 0, 8, 0, 0, 0), ImageFormat.TIFF),
                Arguments.of(bytes('M', 'M', 0, 0x2A, 0, 0, 0, 8), ImageFormat.TIFF),
                Arguments.of(ascii("\0\0\0\30ftypheic\0\0\0\0"), ImageFormat.HEIC),
                Arguments.of(ascii("\0\0\0\30ftypmif1\0\0\0\0"), ImageFormat.HEIC));
    }

    @ParameterizedTest
    @MethodSource("signatures")
    void recognisesEachAcceptedFormatByItsLeadingBytes(byte[] head, ImageFormat format) {
        assertThat(ImageFormat.sniff(head)).contains(format);
    }

    @Test
    void textIsNoImage() {
        assertThat(ImageFormat.sniff(ascii("hello, world"))).isEmpty();
    }

    @Test
    void videoInTheSameContainerAsHeicIsNoImage() {
        assertThat(ImageFormat.sniff(ascii("\0\0\0\30ftypisom\0\0\0\0"))).isEmpty();
    }

    @Test
    void truncatedSignatureIsNoImage() {
        assertThat(ImageFormat.sniff(bytes(0x89, 'P', 'N'))).isEmpty();
        assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
    }

    static byte[] bytes(int... values) {
        var out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
