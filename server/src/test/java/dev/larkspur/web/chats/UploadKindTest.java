package dev.larkspur.web.chats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadKindTest {

    @Test
    void anImageByItsTypeGoesAsAnImageMessage() {
        assertThat(UploadKind.of("image/png", "paste.png")).isEqualTo(new UploadKind("image", null));
        assertThat(UploadKind.of("image/jpeg", null).image()).isTrue();
    }

    @Test
    void svgIsNotAFeishuImage() {
        assertThat(UploadKind.of("image/svg+xml", "logo.svg")).isEqualTo(new UploadKind("file", "stream"));
    }

    @Test
    void otherFilesTakeTheFileTypeOfTheirExtensionAndItsMessageType() {
        assertThat(UploadKind.of("application/pdf", "Report.PDF")).isEqualTo(new UploadKind("file", "pdf"));
        assertThat(UploadKind.of("", "sheet.xlsx")).isEqualTo(new UploadKind("file", "xls"));
        assertThat(UploadKind.of("video/mp4", "clip.mp4")).isEqualTo(new UploadKind("media", "mp4"));
        assertThat(UploadKind.of("audio/ogg", "voice.opus")).isEqualTo(new UploadKind("audio", "opus"));
        assertThat(UploadKind.of("text/plain", "notes.txt")).isEqualTo(new UploadKind("file", "stream"));
        assertThat(UploadKind.of(null, "README")).isEqualTo(new UploadKind("file", "stream"));
    }
}
