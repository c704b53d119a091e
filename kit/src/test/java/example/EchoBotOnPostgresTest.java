package example;

import dev.larkspur.junit.Database;
import dev.larkspur.junit.LarkspurTest;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The same tests on PostgreSQL; skipped when none answers at the kit's default URL, unless
 * LARKSPUR_REQUIRE_POSTGRES=true (CI), where a missing PostgreSQL fails the run.
 */
@LarkspurTest(database = Database.POSTGRESQL)
@EnabledIf("example.Postgres#available")
class EchoBotOnPostgresTest extends EchoBotContract {}
