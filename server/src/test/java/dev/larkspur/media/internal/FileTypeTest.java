package dev.larkspur.media.internal;

import static dev.larkspur.media.internal.ImageFormatTest.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileTypeTest {
    private static final byte[] OPUS = ascii("OggS\0\2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1\23OpusHead\1\1");
    private static final byte[] VORBIS = ascii("OggS\0\2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1\36\1vorbis\0\0");
    private static final byte[] MP4 = ascii("\0\0\0\30ftypisom\0\0\2\0isomiso2");
    private static final byte[] PDF = ascii("%PDF-1.7\n");
    private static final byte[] TEXT = ascii("just some text");

    @Test
    void opusMustBeOggWithAnOpusHeader() {
        assertThat(FileType.OPUS.matches(OPUS)).isTrue();
        assertThat(FileType.OPUS.matches(VORBIS)).isFalse();
        assertThat(FileType.OPUS.matches(TEXT)).isFalse();
    }

    @Test
    void mp4MustStartWithAFileTypeBox() {
        assertThat(FileType.MP4.matches(MP4)).isTrue();
        assertThat(FileType.MP4.matches(PDF)).isFalse();
    }

    @Test
    void pdfMustStartWithThePdfHeader() {
        assertThat(FileType.PDF.matches(PDF)).isTrue();
        assertThat(FileType.PDF.matches(TEXT)).isFalse();
    }

    @Test
    void officeAndStreamTypesTakeAnyBytes() {
        assertThat(FileType.DOC.matches(TEXT)).isTrue();
        assertThat(FileType.XLS.matches(new byte[0])).isTrue();
        assertThat(FileType.PPT.matches(PDF)).isTrue();
        assertThat(FileType.STREAM.matches(TEXT)).isTrue();
    }

    @Test
    void contentTypeComesFromTheTypeOrElseTheFileName() {
        assertThat(FileType.PDF.contentType("whatever.bin")).isEqualTo("application/pdf");
        assertThat(FileType.DOC.contentType("plan.doc")).isEqualTo("application/msword");
        assertThat(FileType.STREAM.contentType("notes.txt")).isEqualTo("text/plain");
        assertThat(FileType.STREAM.contentType("no-extension")).isEqualTo("application/octet-stream");
    }

    @Test
    void parsesOnlyTheDocumentedWireNames() {
        assertThat(FileType.parse("mp4")).contains(FileType.MP4);
        assertThat(FileType.parse("MP4")).isEmpty();
        assertThat(FileType.parse("exe")).isEmpty();
        assertThat(FileType.parse(null)).isEmpty();
    }
}
