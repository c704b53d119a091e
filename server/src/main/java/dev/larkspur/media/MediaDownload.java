package dev.larkspur.media;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The bytes of a resource and how to label them for a client. */
public record MediaDownload(String contentType, String fileName, long size, InputStreamSource bytes) {

    /**
     * The success answer of every download endpoint: HTTP 200 (which the Java SDK takes as "the body
     * is the file"), the content type, and the file name in {@code Content-Disposition}, as
     * {@code filename*} (RFC 6266, RFC 5987) when it is not plain ASCII.
     */
    public ResponseEntity<Resource> toResponse() {
        var disposition = StandardCharsets.US_ASCII.newEncoder().canEncode(fileName)
                ? ContentDisposition.attachment().filename(fileName)
                : ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.build().toString())
                .body(new InputStreamResource(bytes));
    }
}
