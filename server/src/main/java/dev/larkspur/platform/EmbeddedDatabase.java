package dev.larkspur.platform;

import dev.larkspur.platform.LarkspurProperties.H2;
import dev.larkspur.platform.internal.GroupCommitDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The H2 file database Larkspur embeds when no PostgreSQL is configured: PostgreSQL mode, so that
 * one set of migrations and queries serves both. Public so that the benchmark's database ceiling
 * opens the same file with the same durability ({@code larkspur.h2.*}, see {@link H2}).
 */
public final class EmbeddedDatabase {
    private EmbeddedDatabase() {}

    /**
     * H2 gives up waiting for a row lock after 1 s by default; chat changes lock their chat row, so
     * concurrent changes on one busy chat wait longer, as they do on PostgreSQL. WRITE_DELAY: with
     * group commit, H2 writes commits to the file in the background, up to this long after, and
     * {@link #durable} makes a commit wait for its write, shared with the commits beside it; without
     * it, 0, so that H2 writes each commit before it returns. QUERY_CACHE_SIZE: H2 keeps 8 parsed
     * statements per connection by default; a send alone runs more distinct statements than that, so
     * every statement was parsed again (a tenth of a send's CPU in the benchmark's profile).
     */
    public static String jdbcUrl(Path dataDir, H2 settings) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("larkspur")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                + ";WRITE_DELAY=" + (settings.groupCommit() ? 500 : 0) + ";QUERY_CACHE_SIZE=256";
    }

    /** {@link #jdbcUrl(Path, H2)} with the default settings (group commit on). */
    public static String jdbcUrl(Path dataDir) {
        return jdbcUrl(dataDir, H2.defaults());
    }

    /**
     * The data source every writer must go through. With group commit, a commit that changed
     * something returns once the file holds it and, with {@code fsync} durability, once the disk
     * does; without group commit, H2 itself writes each commit to the file (no fsync).
     */
    public static DataSource durable(DataSource h2, H2 settings) {
        return settings.groupCommit() ? new GroupCommitDataSource(h2, settings.durability()) : h2;
    }

    /** {@link #durable(DataSource, H2)} with the default settings: group commit, forced to the disk. */
    public static DataSource durable(DataSource h2) {
        return durable(h2, H2.defaults());
    }
}
