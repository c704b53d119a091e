package dev.larkspur.platform;

import java.nio.file.Path;

/**
 * The H2 file database Larkspur embeds when no PostgreSQL is configured: PostgreSQL mode, so that
 * one set of migrations and queries serves both. Public so that the benchmark's database ceiling
 * opens the same file with the same durability.
 */
public final class EmbeddedDatabase {
    private EmbeddedDatabase() {}

    /**
     * H2 gives up waiting for a row lock after 1 s by default; chat changes lock their chat row, so
     * concurrent changes on one busy chat wait longer, as they do on PostgreSQL. WRITE_DELAY=0: H2
     * otherwise writes commits to the file up to half a second later, so a killed process would
     * lose writes it had acknowledged and events it had pushed.
     */
    public static String jdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("larkspur")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                + ";WRITE_DELAY=0";
    }
}
