package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeThat(temp.getFileSystem().supportedFileAttributeViews()).contains("posix");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aCreatedDataDirectoryIsTheOwnersOnly() throws Exception {
        Path dir = temp.resolve("a/data");

        PrivateFiles.createDirectory(dir);

        assertThat(permissions(dir)).isEqualTo("rwx------");
    }

    @Test
    void secretsAreWrittenReadableByTheOwnerOnly() throws Exception {
        Path file = temp.resolve("data/admin-token");

        PrivateFiles.write(file, "lsa-1\n");
        PrivateFiles.append(file, "more\n");

        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(file.getParent())).isEqualTo("rwx------");
        assertThat(Files.readString(file)).isEqualTo("lsa-1\nmore\n");
    }

    @Test
    void anExistingWorldReadableFileIsNarrowedAndReplaced() throws Exception {
        Path file = temp.resolve("demo-credentials.txt");
        Files.writeString(file, "old and longer text");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.write(file, "new");

        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("new");
    }
}
