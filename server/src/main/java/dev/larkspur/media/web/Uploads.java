package dev.larkspur.media.web;

import dev.larkspur.media.Upload;
import jakarta.servlet.http.Part;

/**
 * A multipart part as the services take it; null when the part is absent. The servlet {@link Part}
 * is taken rather than Spring's {@code MultipartFile}, which only covers parts with a filename:
 * Feishu accepts the bytes of an upload with or without one, and the Node SDK (uploading a
 * {@code Buffer}) and lark-oapi's synchronous image and file calls send none. The name of a
 * {@code file} upload comes from its {@code file_name} field either way.
 */
final class Uploads {
    private Uploads() {}

    static Upload of(Part part) {
        return part == null ? null : new Upload(part.getSize(), part::getInputStream);
    }
}
