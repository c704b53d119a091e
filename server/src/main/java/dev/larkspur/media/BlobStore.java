package dev.larkspur.media;

import java.io.InputStream;

/**
 * Where uploaded bytes live. Blobs are immutable and named by the store; the database keeps the
 * name. The default keeps them in a directory; at scale an object store takes its place
 * (DESIGN.md, "Growing past one machine").
 */
public interface BlobStore {
    /**
     * Stores the bytes and returns the blob's id. A reader never sees a partly written blob: the
     * bytes appear under the id only once complete.
     */
    String put(InputStream content);

    /** The bytes of a blob stored before; a missing blob is an {@link java.io.UncheckedIOException}. */
    InputStream open(String blobId);
}
