package dev.larkspur.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The official Node SDK's test scripts ({@code src/test/node}). Tests that run them skip without
 * {@code node} and {@code npm ci --prefix server/src/test/node}, except in CI
 * ({@code LARKSPUR_REQUIRE_NODE=true}), where a missing Node SDK fails the build.
 */
public final class NodeSdk {
    public static final Path DIR = Path.of("src", "test", "node");

    private NodeSdk() {}

    /** Skips the calling test class (or fails it in CI) when the Node SDK cannot run here. */
    public static void assumeInstalled() {
        String missing = !nodeOnPath()
                ? "node is not on the PATH"
                : !Files.isDirectory(DIR.resolve("node_modules/@larksuiteoapi/node-sdk"))
                        ? "src/test/node/node_modules is missing (npm ci --prefix server/src/test/node)"
                        : null;
        if (missing != null && "true".equalsIgnoreCase(System.getenv("LARKSPUR_REQUIRE_NODE"))) {
            fail("the Node SDK check is required but " + missing);
        }
        assumeTrue(missing == null, () -> "skipping the Node SDK check: " + missing);
    }

    private static boolean nodeOnPath() {
        try {
            var process = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
