package dev.larkspur.platform;

import dev.larkspur.platform.internal.GroupCommitDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The H2 file database Larkspur embeds when no PostgreSQL is configured: PostgreSQL mode, so that
 * one set of migrations and queries serves both. Public so that the benchmark's database ceiling
 * opens the same file with the same durability.
 */
public final class EmbeddedDatabase {
    private EmbeddedDatabase() {}

    /**
     * H2 gives up waiting for a row lock after 1 s by default; chat changes lock their chat row, so
     * concurrent changes on one busy chat wait longer, as they do on PostgreSQL. WRITE_DELAY: H2
     * writes commits to the file in the background, up to this long after; {@link #durable} makes a
     * commit wait for its write, shared with the commits beside it. QUERY_CACHE_SIZE: H2 keeps 8
     * parsed statements per connection by default; a send alone runs more distinct statements than
     * that, so every statement was parsed again (a tenth of a send's CPU in the benchmark's profile).
     */
    public static String jdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("larkspur")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                + ";WRITE_DELAY=500;QUERY_CACHE_SIZE=256";
    }

    /**
     * The data source every writer must go through: a commit that changed something returns once
     * the file holds it (group commit), so that a killed process loses nothing it acknowledged.
     */
    public static DataSource durable(DataSource h2) {
        return new GroupCommitDataSource(h2);
    }
}
