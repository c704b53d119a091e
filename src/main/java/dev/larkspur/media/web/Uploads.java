package dev.larkspur.media.web;

import dev.larkspur.media.Upload;
import org.springframework.web.multipart.MultipartFile;

/** A multipart part as the services take it; null when the part is absent. */
final class Uploads {
    private Uploads() {}

    static Upload of(MultipartFile part) {
        return part == null ? null : new Upload(part.getSize(), part);
    }
}
