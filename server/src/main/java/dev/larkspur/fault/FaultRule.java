package dev.larkspur.fault;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * One rule in force: what it matches, what it does, until when, and how often it has done it. The
 * counters are the only mutable state, so matching needs no lock.
 */
public final class FaultRule {
    private final String id;
    private final FaultAction action;
    private final String appId;
    private final Long appPk;
    private final String path;
    private final Pattern pathPattern;
    private final String method;
    private final double probability;
    private final Integer count;
    private final AtomicInteger remaining;
    private final long createdAt;
    private final long expiresAt;
    private final int httpStatus;
    private final int code;
    private final String msg;
    private final long latencyMs;
    private final long windowMs;
    private final AtomicLong applied = new AtomicLong();

    FaultRule(String id, FaultSpec spec, Long appPk, ResolvedError error, long createdAt, long expiresAt) {
        this.id = id;
        this.action = FaultAction.of(spec.action()).orElseThrow();
        this.appId = spec.appId();
        this.appPk = appPk;
        this.path = spec.path();
        this.pathPattern = spec.path() == null ? null : glob(spec.path());
        this.method = spec.method() == null ? null : spec.method().toUpperCase();
        this.probability = spec.probability() == null ? 1.0 : spec.probability();
        this.count = spec.count();
        this.remaining = new AtomicInteger(spec.count() == null ? Integer.MAX_VALUE : spec.count());
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.httpStatus = error.httpStatus();
        this.code = error.code();
        this.msg = error.msg();
        this.latencyMs = spec.latencyMs() == null ? 0 : spec.latencyMs();
        this.windowMs = spec.windowMs() == null ? 0 : spec.windowMs();
    }

    /** The error an {@code error} rule answers with, defaults filled in. */
    record ResolvedError(int httpStatus, int code, String msg) {}

    /**
     * {@code *} stands for any run of characters, {@code {name}} for one path segment; the rest is
     * literal: {@code /open-apis/im/v1/messages*} or {@code /open-apis/im/v1/chats/{chat_id}}.
     */
    static Pattern glob(String path) {
        var regex = new StringBuilder();
        for (String part : path.split("(?=[*{])|(?<=[*}])")) {
            if (part.equals("*")) {
                regex.append(".*");
            } else if (part.startsWith("{") && part.endsWith("}")) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(part));
            }
        }
        return Pattern.compile(regex.toString());
    }

    boolean expired(long now) {
        return now >= expiresAt;
    }

    boolean matchesApp(String candidateAppId) {
        return appId == null || appId.equals(candidateAppId);
    }

    boolean matchesApp(long candidateAppPk) {
        return appPk == null || appPk == candidateAppPk;
    }

    boolean matchesCall(String requestMethod, String requestPath) {
        return (method == null || method.equals(requestMethod))
                && (pathPattern == null || pathPattern.matcher(requestPath).matches());
    }

    /**
     * Rolls the rule's dice, then spends one of its remaining uses; true when it applies to this
     * call, which is then counted.
     */
    boolean fire() {
        if (probability < 1.0 && ThreadLocalRandom.current().nextDouble() >= probability) {
            return false;
        }
        int left;
        do {
            left = remaining.get();
            if (left <= 0) {
                return false;
            }
        } while (left != Integer.MAX_VALUE && !remaining.compareAndSet(left, left - 1));
        applied.incrementAndGet();
        return true;
    }

    /** Counts an application decided elsewhere (e.g. connections closed when the rule was set). */
    void countApplied(long times) {
        applied.addAndGet(times);
    }

    public String id() {
        return id;
    }

    public FaultAction action() {
        return action;
    }

    public String appId() {
        return appId;
    }

    public Long appPk() {
        return appPk;
    }

    public String path() {
        return path;
    }

    public String method() {
        return method;
    }

    public double probability() {
        return probability;
    }

    public Integer count() {
        return count;
    }

    /** Uses left of a {@code count} rule; null for a rule without one. */
    public Integer remaining() {
        return count == null ? null : Math.max(0, remaining.get());
    }

    public long createdAt() {
        return createdAt;
    }

    public long expiresAt() {
        return expiresAt;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public String msg() {
        return msg;
    }

    public long latencyMs() {
        return latencyMs;
    }

    public long windowMs() {
        return windowMs;
    }

    public long applied() {
        return applied.get();
    }
}
