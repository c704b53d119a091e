package dev.larkspur.media.internal;

import dev.larkspur.media.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Blobs as files named by the SHA-256 of their bytes, fanned out by the first two hex digits
 * ({@code blobs/ab/ab12…}). Content addressing makes a repeated upload cost no space and makes a
 * write idempotent: whichever of two racing writers renames last puts the same bytes in place.
 */
public final class FileSystemBlobStore implements BlobStore {
    private static final Pattern BLOB_ID = Pattern.compile("[0-9a-f]{64}");
    private final Path root;
    private final Path incoming;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve("incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob directory " + incoming, e);
        }
    }

    @Override
    public String put(InputStream content) {
        Path partial = null;
        try {
            // Written beside the final place (same file system), so the rename below is atomic.
            partial = Files.createTempFile(incoming, "blob-", ".part");
            var digest = MessageDigest.getInstance("SHA-256");
            try (var in = new DigestInputStream(content, digest);
                    var channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                in.transferTo(Channels.newOutputStream(channel));
                // Durable before it becomes visible, so a crash cannot leave a short blob behind.
                channel.force(true);
            }
            String id = HexFormat.of().formatHex(digest.digest());
            Path target = path(id);
            boolean newDirectory = Files.notExists(target.getParent());
            Files.createDirectories(target.getParent());
            move(partial, target);
            // The rename is on disk only once its directory is (and a new directory once its
            // parent is): without this a power loss could keep the database row and lose the name.
            forceDirectory(target.getParent());
            if (newDirectory) {
                forceDirectory(root);
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } finally {
            deleteQuietly(partial);
        }
    }

    @Override
    public InputStream open(String blobId) {
        try {
            return Files.newInputStream(path(blobId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + blobId, e);
        }
    }

    private Path path(String blobId) {
        if (blobId == null || !BLOB_ID.matcher(blobId).matches()) {
            throw new IllegalArgumentException("not a blob id: " + blobId);
        }
        return root.resolve(blobId.substring(0, 2)).resolve(blobId);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Only on exotic file systems; same content either way, so replacing is harmless.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void forceDirectory(Path directory) throws IOException {
        try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | AccessDeniedException e) {
            // Some systems (Windows) cannot open a directory; there the rename is as durable as
            // the file system makes it.
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A leftover in incoming/ is garbage, never read; the next put does not depend on it.
        }
    }
}
