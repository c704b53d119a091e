package dev.larkspur.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one idempotency service that chat creation and sends share: the first request for a key does
 * its work and a repeat gets its result, per app, scope and target, within the scope's window, and
 * a concurrent duplicate waits for the winner and gets the winner's result. Results here are plain
 * ids, so that only the service is under test.
 */
class IdempotencyIT {
    private static final Idempotency.Scope<Long> RESULTS = scope("test.results", Duration.ofHours(1));
    private static final Idempotency.Scope<Long> OTHERS = scope("test.others", Duration.ofHours(1));
    private static final AtomicLong NEXT_ID = new AtomicLong(1000);

    private static TestServer server;
    private static Idempotency idempotency;
    private static long app;
    private static long otherApp;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        idempotency = server.bean(Idempotency.class);
        String tenant = server.admin().tenant("Idempotency");
        app = appPk(server.admin().app(tenant, "One").appId());
        otherApp = appPk(server.admin().app(tenant, "Two").appId());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Idempotency.Scope<Long> scope(String name, Duration window) {
        return new Idempotency.Scope<>(
                name, window, Long::longValue, Optional::of, () -> new FeishuException(1, "in flight", 400));
    }

    private static long appPk(String appId) {
        return server.bean(JdbcClient.class)
                .sql("select id from app where app_id = :appId")
                .param("appId", appId)
                .query(Long.class)
                .single();
    }

    /** Work that counts its runs and makes a new id each time. */
    private static final class Work {
        final AtomicInteger runs = new AtomicInteger();

        long run() {
            runs.incrementAndGet();
            return NEXT_ID.incrementAndGet();
        }
    }

    @Test
    void aRepeatReturnsTheFirstResultWithoutRunningTheWorkAgain() {
        var work = new Work();

        long first = idempotency.once(RESULTS, app, "repeat", "t", work::run);
        long again = idempotency.once(RESULTS, app, "repeat", "t", work::run);

        assertThat(again).isEqualTo(first);
        assertThat(work.runs).hasValue(1);
    }

    @Test
    void anotherAppScopeOrTargetWithTheSameUuidIsAnotherRequest() {
        var work = new Work();

        long first = idempotency.once(RESULTS, app, "shared", "t", work::run);
        long otherAppsResult = idempotency.once(RESULTS, otherApp, "shared", "t", work::run);
        long otherScopesResult = idempotency.once(OTHERS, app, "shared", "t", work::run);
        long otherTargetsResult = idempotency.once(RESULTS, app, "shared", "t2", work::run);

        assertThat(work.runs).hasValue(4);
        assertThat(List.of(first, otherAppsResult, otherScopesResult, otherTargetsResult))
                .doesNotHaveDuplicates();
        assertThat(idempotency.once(OTHERS, app, "shared", "t", work::run)).isEqualTo(otherScopesResult);
    }

    @Test
    void withoutAUuidEveryRequestRunsTheWork() {
        var work = new Work();

        long first = idempotency.once(RESULTS, app, null, "t", work::run);
        long second = idempotency.once(RESULTS, app, "", "t", work::run);

        assertThat(second).isNotEqualTo(first);
        assertThat(work.runs).hasValue(2);
    }

    @Test
    void aUuidPastItsWindowRunsTheWorkAgain() {
        var shortWindow = scope("test.window", Duration.ofMinutes(10));
        var work = new Work();
        long first = idempotency.once(shortWindow, app, "expiring", "t", work::run);

        server.clock().advance(Duration.ofMinutes(11));
        long later = idempotency.once(shortWindow, app, "expiring", "t", work::run);

        assertThat(later).isNotEqualTo(first);
        assertThat(idempotency.once(shortWindow, app, "expiring", "t", work::run))
                .isEqualTo(later);
        assertThat(work.runs).hasValue(2);
    }

    @Test
    void failedWorkLeavesNoClaim() {
        assertThatThrownBy(() -> idempotency.once(RESULTS, app, "fails", "t", () -> {
                    throw new FeishuException(2, "refused", 400);
                }))
                .isInstanceOf(FeishuException.class);

        var work = new Work();
        idempotency.once(RESULTS, app, "fails", "t", work::run);

        assertThat(work.runs).hasValue(1);
    }

    @Test
    void targetsLongerThanTheColumnStayDistinct() {
        String longTarget = "x".repeat(300);
        var work = new Work();

        long first = idempotency.once(RESULTS, app, "long", longTarget + "a", work::run);
        long other = idempotency.once(RESULTS, app, "long", longTarget + "b", work::run);
        long again = idempotency.once(RESULTS, app, "long", longTarget + "a", work::run);

        assertThat(other).isNotEqualTo(first);
        assertThat(again).isEqualTo(first);
        assertThat(work.runs).hasValue(2);
    }

    @Test
    void aConcurrentDuplicateWaitsForTheWinnerAndGetsItsResult() throws Exception {
        var claimed = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var loserWork = new Work();
        var pool = Executors.newFixedThreadPool(2);
        try {
            var winner = pool.submit(() -> idempotency.once(RESULTS, app, "race", "t", () -> {
                claimed.countDown();
                try {
                    assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 42L;
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

            var loser = pool.submit(() -> idempotency.once(RESULTS, app, "race", "t", loserWork::run));
            // The loser's insert now waits on the winner's uncommitted claim; only then may the winner commit.
            await().atMost(Duration.ofSeconds(8)).until(IdempotencyIT::aClaimInsertIsWaitingOnALock);
            release.countDown();

            assertThat(winner.get(30, TimeUnit.SECONDS)).isEqualTo(42L);
            assertThat(loser.get(30, TimeUnit.SECONDS)).isEqualTo(42L);
            assertThat(loserWork.runs).hasValue(0);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * The loser is inside its claim's insert, past the lookup that found no result. PostgreSQL says
     * it waits on a lock; H2 names no blocker for this wait, but the statement is still running.
     */
    private static boolean aClaimInsertIsWaitingOnALock() {
        var jdbc = server.bean(JdbcClient.class);
        String sql = System.getProperty("larkspur.it.db", "h2").equals("postgres")
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query like 'insert into idempotency_claim%'"
                : "select count(*) from information_schema.sessions"
                        + " where executing_statement like 'insert into idempotency_claim%'";
        return jdbc.sql(sql).query(Long.class).single() > 0;
    }
}
