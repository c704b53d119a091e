package dev.larkspur.platform;

import dev.larkspur.platform.internal.IdempotencyRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests made idempotent by a client's {@code uuid} (chat creation, sends): the first request for
 * (app, scope, uuid, target) within the scope's window does its work, and a repeat gets what the
 * first made without doing it again, also when the repeats race.
 *
 * <p>The claim is a row keyed by the request. It is inserted in the transaction that does the work
 * and completed there with the id of the result, so it commits with the change it claims, and a
 * request that fails leaves no claim behind. A concurrent duplicate's insert waits on the winner's
 * uncommitted row and then fails on the key; the duplicate then reads the winner's result in a
 * transaction of its own. So call {@link #once} outside any transaction: the failed insert spoils
 * the transaction it ran in (PostgreSQL refuses every later statement of it).
 */
@Service
public class Idempotency {
    private static final int MAX_TARGET = 160;

    private final IdempotencyRepository claims;
    private final TransactionTemplate tx;
    private final Clock clock;

    Idempotency(IdempotencyRepository claims, TransactionTemplate tx, Clock clock) {
        this.claims = claims;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * One kind of idempotent request: {@code name} keys its claims (at most 32 characters),
     * {@code window} is how long a uuid holds, {@code id} and {@code find} turn a result into the
     * stored id and back, and {@code inFlight} is the error for a duplicate that lost the race but
     * finds no result yet.
     */
    public record Scope<T>(
            String name,
            Duration window,
            ToLongFunction<T> id,
            LongFunction<Optional<T>> find,
            Supplier<FeishuException> inFlight) {}

    /**
     * Runs {@code work} in one transaction, once per (app, uuid, target) of the scope within its
     * window, and returns its result; a repeat returns the first result. Without a uuid every
     * request does its work. The caller checks the uuid's length, with its own API's error.
     */
    public <T> T once(Scope<T> scope, long appPk, String uuid, String target, Supplier<T> work) {
        if (uuid == null || uuid.isEmpty()) {
            return tx.execute(status -> work.get());
        }
        var key = new IdempotencyRepository.Key(appPk, scope.name(), uuid, storedTarget(target));
        try {
            return tx.execute(status -> {
                long now = clock.millis();
                var done = claims.resultOf(key, now);
                if (done.isPresent()) {
                    return scope.find().apply(done.get()).orElseThrow();
                }
                claims.deleteExpired(key, now);
                claims.claim(key, now + scope.window().toMillis());
                T result = work.get();
                claims.complete(key, scope.id().applyAsLong(result));
                return result;
            });
        } catch (DuplicateKeyException raced) {
            // Another request with the same key committed first (or is still running).
            return tx.execute(status -> claims.resultOf(key, clock.millis())
                    .flatMap(pk -> scope.find().apply(pk))
                    .orElseThrow(scope.inFlight()));
        }
    }

    /**
     * The target as the claim keeps it (160 characters): a longer one, which a client may send as
     * any receive_id, is kept as its SHA-256, so that it still matches only itself.
     */
    static String storedTarget(String target) {
        if (target.length() <= MAX_TARGET) {
            return target;
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(target.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
