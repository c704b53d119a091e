package dev.larkspur.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.InputStreamSource;

/** An uploaded part: its size and a way to read it, as often as needed (a multipart file is one). */
public record Upload(long size, InputStreamSource bytes) {

    /** Up to {@code n} leading bytes, for format checks. */
    public byte[] head(int n) {
        try (var in = bytes.getInputStream()) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload", e);
        }
    }
}
