package dev.larkspur.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An image's width and height from its header, through the JDK's image readers, without decoding
 * the pixels. Formats the JDK cannot read (WEBP, ICO, HEIC) have no known size.
 */
public record ImageDimensions(int width, int height) {

    /**
     * Empty when the size cannot be told. Uploads then pass the resolution rule rather than fail:
     * refusing an image Feishu would take is worse for an emulator than taking one it would refuse.
     */
    public static Optional<ImageDimensions> read(ImageFormat format, InputStream in) {
        var name = format.imageIoName();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        var readers = ImageIO.getImageReadersByFormatName(name.get());
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        var reader = readers.next();
        try (var stream = new MemoryCacheImageInputStream(in)) {
            reader.setInput(stream, true, true);
            return Optional.of(new ImageDimensions(reader.getWidth(0), reader.getHeight(0)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            reader.dispose();
        }
    }

    public boolean exceeds(int maxWidth, int maxHeight) {
        return width > maxWidth || height > maxHeight;
    }
}
