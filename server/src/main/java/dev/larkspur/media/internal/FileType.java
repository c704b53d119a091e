package dev.larkspur.media.internal;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * The {@code file_type} values of {@code POST /im/v1/files} (spec/message.md §3.17). Where the type
 * names one container (OPUS in Ogg, MP4, PDF) the bytes must be that container; the office and
 * {@code stream} types take any bytes, labelled by their file name's extension.
 */
public enum FileType {
    OPUS("audio/opus"),
    MP4("video/mp4"),
    PDF("application/pdf"),
    DOC(null),
    XLS(null),
    PPT(null),
    STREAM(null);

    /** How many leading bytes {@link #matches} needs: Ogg's first page puts "OpusHead" at 28. */
    public static final int HEADER_BYTES = 36;

    private final String contentType;

    FileType(String contentType) {
        this.contentType = contentType;
    }

    public static Optional<FileType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
    }

    public String wireName() {
        return name().toLowerCase();
    }

    /** Whether the leading bytes are what this type claims. */
    public boolean matches(byte[] head) {
        return switch (this) {
            case OPUS -> Magic.ascii(head, 0, "OggS") && Magic.ascii(head, 28, "OpusHead");
            case MP4 -> Magic.ascii(head, 4, "ftyp");
            case PDF -> Magic.ascii(head, 0, "%PDF-");
            default -> true;
        };
    }

    public String contentType(String fileName) {
        if (contentType != null) {
            return contentType;
        }
        return MediaTypeFactory.getMediaType(fileName)
                .orElse(MediaType.APPLICATION_OCTET_STREAM)
                .toString();
    }
}
