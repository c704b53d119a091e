package dev.larkspur.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {
    @TempDir
    Path root;

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsBackExactlyWhatItStored() throws IOException {
        var store = new FileSystemBlobStore(root);

        String id = store.put(stream("hello blob"));

        try (var in = store.open(id)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello blob");
        }
    }

    @Test
    void blobIsNamedByTheSha256OfItsBytes() {
        String id = new FileSystemBlobStore(root).put(stream("abc"));

        assertThat(id).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(root.resolve("ba").resolve(id)).exists();
    }

    @Test
    void sameBytesTwiceAreOneBlob() throws IOException {
        var store = new FileSystemBlobStore(root);

        String first = store.put(stream("twice"));
        String second = store.put(stream("twice"));

        assertThat(second).isEqualTo(first);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void leavesNoPartialFileWhenTheUploadBreaksOff() throws IOException {
        var store = new FileSystemBlobStore(root);
        var broken = new InputStream() {
            private int left = 3;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                left--;
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.put(broken)).isInstanceOf(UncheckedIOException.class);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void refusesNamesThatAreNotBlobIds() {
        var store = new FileSystemBlobStore(root);

        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
