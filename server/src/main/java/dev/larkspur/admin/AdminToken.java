package dev.larkspur.admin;

import dev.larkspur.platform.Ids;
import dev.larkspur.platform.LarkspurProperties;
import dev.larkspur.platform.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;

/**
 * The operator's bearer token: {@code LARKSPUR_ADMIN_TOKEN} when set; otherwise generated once and
 * kept in the data directory, so that it survives restarts.
 */
@Component
public class AdminToken {
    private final String value;
    private final boolean generated;

    AdminToken(LarkspurProperties props) {
        if (props.adminToken() != null && !props.adminToken().isBlank()) {
            this.value = props.adminToken();
            this.generated = false;
        } else {
            Path file = props.dataDir().resolve("admin-token");
            this.generated = !Files.exists(file);
            this.value = generated ? create(file) : read(file);
        }
    }

    public String value() {
        return value;
    }

    /** Whether this start created the token (so it is worth printing). */
    public boolean generated() {
        return generated;
    }

    public boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static String create(Path file) {
        String token = "lsa-" + Ids.hex(40);
        PrivateFiles.write(file, token + "\n");
        return token;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
