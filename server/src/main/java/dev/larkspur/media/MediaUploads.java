package dev.larkspur.media;

import dev.larkspur.media.internal.FileType;
import dev.larkspur.media.internal.ImageDimensions;
import dev.larkspur.media.internal.ImageFormat;
import dev.larkspur.media.internal.MediaKeys;
import dev.larkspur.media.internal.MediaRepository;
import dev.larkspur.platform.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Uploading images and files (spec/message.md §3.16, §3.17). The checks run in the order a client
 * would fix them: bot ability, parameters, size, then what the bytes are. The bytes are stored
 * before the row that names them, so a key never points at missing bytes; a failure in between
 * leaves only an unnamed blob.
 */
@Service
public class MediaUploads {
    static final Set<String> IMAGE_TYPES = Set.of("message", "avatar");
    static final int MAX_SIDE = 12_000;
    static final int GIF_MAX_SIDE = 2_000;
    static final int AVATAR_MAX_SIDE = 4_096;
    static final int FILE_NAME_LIMIT = 1_024;

    private final MediaRepository resources;
    private final BlobStore blobs;
    private final MediaProperties limits;
    private final Clock clock;

    MediaUploads(MediaRepository resources, BlobStore blobs, MediaProperties limits, Clock clock) {
        this.resources = resources;
        this.blobs = blobs;
        this.limits = limits;
        this.clock = clock;
    }

    /** Stores an image and returns its {@code image_key}. */
    public String uploadImage(Caller caller, String imageType, Upload image) {
        requireBot(caller);
        if (imageType == null || !IMAGE_TYPES.contains(imageType) || image == null) {
            throw MediaErrors.invalidParam();
        }
        requireSize(image, limits.imageMaxSize());
        var format =
                ImageFormat.sniff(image.head(ImageFormat.HEADER_BYTES)).orElseThrow(MediaErrors::unknownImageFormat);
        requireResolution(format, imageType, image);
        String key = MediaKeys.image();
        store(
                new MediaResource(
                        key,
                        MediaResource.Kind.IMAGE,
                        caller.appPk(),
                        caller.tenantPk(),
                        imageType,
                        null,
                        key + "." + format.extension(),
                        image.size(),
                        format.contentType(),
                        null,
                        clock.millis()),
                image);
        return key;
    }

    /** Stores a file and returns its {@code file_key}; {@code duration} is milliseconds, as text. */
    public String uploadFile(Caller caller, String fileType, String fileName, String duration, Upload file) {
        requireBot(caller);
        var type = FileType.parse(fileType).orElseThrow(MediaErrors::invalidParam);
        if (!validFileName(fileName) || file == null) {
            throw MediaErrors.invalidParam();
        }
        Integer durationMs = duration(duration);
        requireSize(file, limits.fileMaxSize());
        if (!type.matches(file.head(FileType.HEADER_BYTES))) {
            throw MediaErrors.invalidParam();
        }
        String key = MediaKeys.file();
        store(
                new MediaResource(
                        key,
                        MediaResource.Kind.FILE,
                        caller.appPk(),
                        caller.tenantPk(),
                        null,
                        type.wireName(),
                        fileName,
                        file.size(),
                        type.contentType(fileName),
                        durationMs,
                        clock.millis()),
                file);
        return key;
    }

    private void store(MediaResource resource, Upload upload) {
        String blobId;
        try (var in = upload.bytes().getInputStream()) {
            blobId = blobs.put(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload", e);
        }
        resources.insert(resource, blobId);
    }

    private static void requireBot(Caller caller) {
        if (!caller.botEnabled()) {
            throw MediaErrors.botAbilityOff();
        }
    }

    private static void requireSize(Upload upload, DataSize limit) {
        if (upload.size() == 0) {
            throw MediaErrors.empty();
        }
        if (upload.size() > limit.toBytes()) {
            throw MediaErrors.tooLarge();
        }
    }

    private static void requireResolution(ImageFormat format, String imageType, Upload image) {
        int max = format == ImageFormat.GIF ? GIF_MAX_SIDE : MAX_SIDE;
        if (imageType.equals("avatar")) {
            max = Math.min(max, AVATAR_MAX_SIDE);
        }
        try (var in = image.bytes().getInputStream()) {
            var size = ImageDimensions.read(format, in);
            if (size.isPresent() && size.get().exceeds(max, max)) {
                throw MediaErrors.resolutionTooHigh();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload", e);
        }
    }

    /** Control characters are refused: the name goes back out in a Content-Disposition header. */
    private static boolean validFileName(String name) {
        return name != null
                && !name.isBlank()
                && name.length() <= FILE_NAME_LIMIT
                && name.chars().noneMatch(Character::isISOControl);
    }

    private static Integer duration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int ms = Integer.parseInt(value.strip());
            if (ms < 0) {
                throw MediaErrors.invalidParam();
            }
            return ms;
        } catch (NumberFormatException e) {
            throw MediaErrors.invalidParam();
        }
    }
}
