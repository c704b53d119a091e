/**
 * Images and files: uploads with Feishu's limits and format checks, downloads by the uploading app,
 * and the lookups other modules need about a key (who owns it, its name and duration, its bytes).
 * Bytes live in a {@link dev.larkspur.media.BlobStore} (a directory under the data directory by
 * default); the metadata, in the database.
 */
package dev.larkspur.media;
