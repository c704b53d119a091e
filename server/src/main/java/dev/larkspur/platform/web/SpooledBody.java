package dev.larkspur.platform.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body as it arrives: in memory up to a threshold, then in a temporary file, so that an
 * upload of tens of megabytes, or many of them at once, costs disk rather than heap. Written by one
 * read listener at a time, read after the body is whole.
 */
final class SpooledBody implements AutoCloseable {
    private final int threshold;
    private final File dir;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream out;
    private long size;

    SpooledBody(int threshold, File dir) {
        this.threshold = threshold;
        this.dir = dir;
    }

    /** All in memory, however large (bodies that are not uploads, capped by the caller). */
    static SpooledBody inMemory() {
        return new SpooledBody(Integer.MAX_VALUE, null);
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        size += length;
        if (file == null && memory.size() + (long) length > threshold) {
            file = Files.createTempFile(dir.toPath(), "larkspur-body-", ".tmp");
            out = Files.newOutputStream(file);
            memory.writeTo(out);
            memory = null;
        }
        if (file == null) {
            memory.write(bytes, offset, length);
        } else {
            out.write(bytes, offset, length);
        }
    }

    long size() {
        return size;
    }

    /** Ends writing: what was written can now be read. */
    void finish() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    /** The body as bytes; only for a body kept in memory. */
    byte[] bytes() {
        if (file != null) {
            throw new IllegalStateException("the body is in a file");
        }
        return memory.toByteArray();
    }

    InputStream open() throws IOException {
        return file == null ? new ByteArrayInputStream(memory.toByteArray()) : Files.newInputStream(file);
    }

    /** Drops the file, if any; safe to call more than once. */
    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // the temporary directory is the container's, cleaned at its own end
        }
    }
}
