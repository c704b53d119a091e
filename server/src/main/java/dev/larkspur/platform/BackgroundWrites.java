package dev.larkspur.platform;

/**
 * Marks work whose writes need not be durable before it goes on: event fan-out and delivery
 * bookkeeping, which a restart redoes from the outbox (at worst an event is pushed again, which
 * Feishu's at-least-once delivery allows). On the embedded database their commits then skip the
 * wait for the file and ride along with the next write that waits; everywhere else this changes
 * nothing. Never for work that answers a request: a 2xx means the change is durable (on disk, or
 * with {@code larkspur.h2.durability=write} in the file).
 */
public final class BackgroundWrites {
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private BackgroundWrites() {}

    public static void run(Runnable work) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(true);
        try {
            work.run();
        } finally {
            ACTIVE.set(outer);
        }
    }

    public static boolean active() {
        return ACTIVE.get();
    }
}
