package dev.larkspur.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Makes the rate limiters' token buckets, one per key, on the injected {@link Clock} (so that tests
 * move time instead of waiting for it). Buckets live in this process: with several instances each
 * enforces its own share. A key's bucket is forgotten once it has been idle for its longest period,
 * after which a refilled bucket and a new one are the same, so forgetting changes no answer and the
 * keys (apps, APIs, chats, bots) do not pile up for ever.
 */
@Component
public class Limiters {
    private final TimeMeter time;

    public Limiters(Clock clock) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos(clock.instant());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Buckets of {@code perSecond} a second and {@code perMinute} a minute, both spent by each use. */
    public <K> Keyed<K> perSecondAndMinute(int perSecond, int perMinute) {
        return new Keyed<>(
                time,
                Duration.ofMinutes(1),
                Bandwidth.builder()
                        .capacity(perSecond)
                        .refillIntervally(perSecond, Duration.ofSeconds(1))
                        .build(),
                Bandwidth.builder()
                        .capacity(perMinute)
                        .refillIntervally(perMinute, Duration.ofMinutes(1))
                        .build());
    }

    /** Buckets of {@code perSecond} a second. */
    public <K> Keyed<K> perSecond(int perSecond) {
        return new Keyed<>(
                time,
                Duration.ofSeconds(1),
                Bandwidth.builder()
                        .capacity(perSecond)
                        .refillIntervally(perSecond, Duration.ofSeconds(1))
                        .build());
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** One bucket per key, made on first use and forgotten after its idle period. */
    public static final class Keyed<K> {
        private final TimeMeter time;
        private final Bandwidth[] limits;
        private final Cache<K, Bucket> buckets;

        private Keyed(TimeMeter time, Duration idle, Bandwidth... limits) {
            this.time = time;
            this.limits = limits;
            Ticker ticker = time::currentTimeNanos;
            this.buckets =
                    Caffeine.newBuilder().ticker(ticker).expireAfterAccess(idle).build();
        }

        /** The key's bucket, new (full) when the key was never used or was idle long enough. */
        public Bucket bucket(K key) {
            return buckets.get(key, k -> newBucket());
        }

        /** The key's bucket if it has one now (a full one is no different from none). */
        public Optional<Bucket> existing(K key) {
            return Optional.ofNullable(buckets.getIfPresent(key));
        }

        public void forget(K key) {
            buckets.invalidate(key);
        }

        /** How many keys have a bucket, after dropping the idle ones; for tests. */
        long size() {
            buckets.cleanUp();
            return buckets.estimatedSize();
        }

        private Bucket newBucket() {
            var builder = Bucket.builder().withCustomTimePrecision(time);
            for (var limit : limits) {
                builder.addLimit(limit);
            }
            return builder.build();
        }
    }
}
