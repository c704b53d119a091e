package dev.larkspur.platform;

/**
 * Waits until every commit made before the call is as durable as a 2xx promises. On embedded H2
 * with group commit, a commit is visible to other connections a moment before its group reaches the
 * file, while its own caller is still waiting for that; work that tells the outside world about
 * data it read but did not write (pushing an event to a bot) calls this first, so that a crash in
 * that moment cannot leave a bot holding an event the restarted server never had. PostgreSQL makes
 * a commit visible only once it is durable, so there this returns at once.
 */
public interface CommitBarrier {
    CommitBarrier NONE = () -> {};

    void awaitEarlierCommits();
}
