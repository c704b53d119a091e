package dev.larkspur.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The image formats Feishu accepts (im-v1/image/create.md: JPG, PNG, WEBP, GIF, BMP, ICO, TIFF,
 * HEIC), told apart by their magic numbers, never by the part's file name or content type: the Java
 * SDK sends every upload as {@code unknown}, {@code application/octet-stream}.
 */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg", "JPEG"),
    PNG("image/png", "png", "png"),
    GIF("image/gif", "gif", "gif"),
    WEBP("image/webp", "webp", null),
    BMP("image/bmp", "bmp", "bmp"),
    ICO("image/x-icon", "ico", null),
    TIFF("image/tiff", "tiff", "tiff"),
    HEIC("image/heic", "heic", null);

    /** How many leading bytes {@link #sniff} needs. */
    public static final int HEADER_BYTES = 16;

    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");

    private final String contentType;
    private final String extension;
    private final String imageIoName;

    ImageFormat(String contentType, String extension, String imageIoName) {
        this.contentType = contentType;
        this.extension = extension;
        this.imageIoName = imageIoName;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The format name the JDK's image readers know, or empty when the JDK cannot read it. */
    public Optional<String> imageIoName() {
        return Optional.ofNullable(imageIoName);
    }

    public static Optional<ImageFormat> sniff(byte[] head) {
        if (Magic.bytes(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (Magic.bytes(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (Magic.ascii(head, 0, "GIF87a") || Magic.ascii(head, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (Magic.ascii(head, 0, "RIFF") && Magic.ascii(head, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (Magic.ascii(head, 0, "BM")) {
            return Optional.of(BMP);
        }
        if (Magic.bytes(head, 0, 0, 0, 1, 0)) {
            return Optional.of(ICO);
        }
        if (Magic.bytes(head, 0, 'I', 'I', 0x2A, 0) || Magic.bytes(head, 0, 'M', 'M', 0, 0x2A)) {
            return Optional.of(TIFF);
        }
        if (Magic.ascii(head, 4, "ftyp") && head.length >= 12) {
            String brand = new String(head, 8, 4, StandardCharsets.US_ASCII);
            return HEIF_BRANDS.contains(brand) ? Optional.of(HEIC) : Optional.empty();
        }
        return Optional.empty();
    }
}
