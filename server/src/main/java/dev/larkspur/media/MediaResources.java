package dev.larkspur.media;

import dev.larkspur.media.internal.MediaKeys;
import dev.larkspur.media.internal.MediaRepository;
import dev.larkspur.platform.Caller;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reading images and files: by their uploader ({@code GET /im/v1/images/:key}, {@code /files/:key},
 * spec/message.md §3.16, §3.17), and for other modules, a key's metadata and bytes without an
 * owner check — the message module decides who may see a resource through a message.
 */
@Service
public class MediaResources {
    private final MediaRepository resources;
    private final BlobStore blobs;

    MediaResources(MediaRepository resources, BlobStore blobs) {
        this.resources = resources;
        this.blobs = blobs;
    }

    /** What is known of a key, whoever uploaded it; empty for keys never issued. */
    public Optional<MediaResource> describe(String key) {
        return key == null ? Optional.empty() : resources.find(key).map(MediaRepository.Stored::resource);
    }

    /** The bytes of a key, whoever uploaded it. */
    public Optional<MediaDownload> download(String key) {
        return key == null ? Optional.empty() : resources.find(key).map(this::toDownload);
    }

    /**
     * An image its caller uploaded. Feishu serves only {@code message} images here; avatars are "not
     * supported yet" (im-v1/image/get.md) without a documented code, so they are a parameter error.
     */
    public MediaDownload image(Caller caller, String imageKey) {
        var stored = owned(caller, imageKey, MediaKeys.IMAGE_PREFIX);
        if (!stored.resource().isImage() || !"message".equals(stored.resource().imageType())) {
            throw MediaErrors.invalidParam();
        }
        return toDownload(stored);
    }

    /** A file its caller uploaded. */
    public MediaDownload file(Caller caller, String fileKey) {
        var stored = owned(caller, fileKey, MediaKeys.FILE_PREFIX);
        if (!stored.resource().isFile()) {
            throw MediaErrors.invalidParam();
        }
        return toDownload(stored);
    }

    private MediaRepository.Stored owned(Caller caller, String key, String prefix) {
        if (!caller.botEnabled()) {
            throw MediaErrors.botAbilityOff();
        }
        if (key == null || !key.startsWith(prefix)) {
            throw MediaErrors.invalidParam();
        }
        var stored = resources.find(key).orElseThrow(MediaErrors::notFound);
        if (!stored.resource().ownedBy(caller.appPk())) {
            throw MediaErrors.notOwner();
        }
        return stored;
    }

    private MediaDownload toDownload(MediaRepository.Stored stored) {
        var r = stored.resource();
        return new MediaDownload(r.contentType(), r.fileName(), r.size(), () -> blobs.open(stored.blobId()));
    }
}
