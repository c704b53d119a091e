package dev.larkspur.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data directory and the secrets in it (admin-token, demo-credentials.txt) readable by the
 * server's own user only: the directory 0700 and the files 0600, set when they are created so that
 * no other user can read them even for a moment (issue 13). Where the file system has no POSIX
 * permissions (Windows), the defaults apply.
 */
public final class PrivateFiles {
    private PrivateFiles() {}

    /** Creates the directory (and its parents) if missing; a directory this creates is 0700. */
    public static void createDirectory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return;
            }
            if (dir.getParent() != null) {
                Files.createDirectories(dir.getParent());
            }
            try {
                Files.createDirectory(dir, attributes("rwx------"));
            } catch (FileAlreadyExistsException raced) {
                // Another start made it first; it is the same directory.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir, e);
        }
    }

    /** Writes the file, creating it 0600; an existing file is narrowed to 0600 and replaced. */
    public static void write(Path file, String text) {
        write(file, text, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Appends to the file, creating it 0600 if missing. */
    public static void append(Path file, String text) {
        write(file, text, StandardOpenOption.APPEND);
    }

    private static void write(Path file, String text, StandardOpenOption mode) {
        try {
            createDirectory(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, attributes("rw-------"));
            } else if (posix(file)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(file, text, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        return java.nio.file.FileSystems.getDefault()
                        .supportedFileAttributeViews()
                        .contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }
}
