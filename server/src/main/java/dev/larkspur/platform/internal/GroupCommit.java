package dev.larkspur.platform.internal;

import org.h2.mvstore.MVStore;

/**
 * Leader and followers around one H2 store: each caller waits until a store of the database file
 * that began after it asked has finished; whoever finds no store running starts one, covering every
 * caller that asked before it began. Concurrent commits thus share one file write and, when {@code
 * force} is set, one fsync: H2's store writes the file but never forces it to the disk, so without
 * the fsync a power loss or a kernel crash can lose what was acknowledged.
 */
final class GroupCommit {
    private final Object lock = new Object();
    private final boolean force;
    private long asked;
    /** The highest ticket that a finished store covers. */
    private long covered;

    private boolean storing;
    private long forced;

    GroupCommit(boolean force) {
        this.force = force;
    }

    /** How many times the file was forced to the disk: one per group, for tests and the bench. */
    long forced() {
        synchronized (lock) {
            return forced;
        }
    }

    /**
     * Called after a commit that changed something; returns once that commit is in the file and, with
     * {@code force}, on the disk.
     */
    void awaitStored(MVStore store) {
        long ticket;
        synchronized (lock) {
            ticket = ++asked;
        }
        while (true) {
            long upTo;
            synchronized (lock) {
                while (storing && covered < ticket) {
                    waitForStore();
                }
                if (covered >= ticket) {
                    return;
                }
                storing = true;
                upTo = asked;
            }
            boolean stored = false;
            try {
                store.commit();
                if (force) {
                    store.sync();
                }
                stored = true;
            } finally {
                synchronized (lock) {
                    storing = false;
                    if (stored) {
                        covered = Math.max(covered, upTo);
                        forced += force ? 1 : 0;
                    }
                    lock.notifyAll();
                }
            }
        }
    }

    private void waitForStore() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database file", e);
        }
    }
}
