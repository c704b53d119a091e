package dev.larkspur.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larkspur.directory.internal.AppRepository;
import dev.larkspur.directory.internal.SecretHasher;
import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The app-secret check behind every credential endpoint (token, OAuth client, long connection). The
 * stored hash is PBKDF2, deliberately slow, and the endpoints are unauthenticated, so (issue 13 item
 * 13):
 *
 * <ul>
 *   <li>a secret that verified is remembered, keyed by the app and an HMAC of the secret under a
 *       per-process random key (the secret itself is never kept), together with the stored hash it
 *       matched: resetting the secret changes the hash, so the memory no longer applies;
 *   <li>wrong secrets are limited per calling address (10 a minute by default) and per app (60 a
 *       minute), as {@link WrongSecretLimits} sets them. Over the address limit, that address gets 99991400 for any
 *       secret until the minute refills; over the app limit, only secrets already verified pass, so
 *       strangers elsewhere cannot lock out an owner whose client already holds a working secret.
 * </ul>
 *
 * A wrong secret still gets the endpoint's own wrong-secret answer while under the limits.
 */
@Component
public class SecretChecks {
    private static final byte[] KEY = randomKey();

    private final AppRepository apps;
    private final WrongSecretLimits limits;
    private final TimeMeter time;
    private final Cache<String, String> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();
    private final Cache<String, Bucket> failures = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(5))
            .build();
    private final AtomicLong derivations = new AtomicLong();

    SecretChecks(AppRepository apps, WrongSecretLimits limits, Clock clock) {
        this.apps = apps;
        this.limits = limits;
        this.time = new ClockTime(clock);
    }

    /** The app, if it exists and the secret is its own; 99991400 when the caller is over its limit. */
    public Optional<App> verify(String appId, String secret) {
        var stored = apps.findByAppId(appId);
        if (stored.isEmpty() || secret == null) {
            return Optional.empty();
        }
        String key = appId + ' ' + mac(secret);
        String hash = stored.get().secretHash();
        boolean known = hash.equals(verified.getIfPresent(key));
        String address = callerAddress();
        if (address != null && exhausted("address " + address)) {
            throw limited();
        }
        if (known) {
            return Optional.of(stored.get().app());
        }
        if (exhausted("app " + appId)) {
            throw limited();
        }
        derivations.incrementAndGet();
        if (SecretHasher.matches(secret, hash)) {
            verified.put(key, hash);
            return Optional.of(stored.get().app());
        }
        if (address != null) {
            bucket("address " + address, limits.perAddress()).tryConsume(1);
        }
        bucket("app " + appId, limits.perApp()).tryConsume(1);
        return Optional.empty();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** How many PBKDF2 derivations ran: what the memory of verified secrets saves. */
    public long derivations() {
        return derivations.get();
    }

    private boolean exhausted(String key) {
        var bucket = failures.getIfPresent(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    private Bucket bucket(String key, int perMinute) {
        return failures.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillIntervally(perMinute, Duration.ofMinutes(1))
                        .build())
                .withCustomTimePrecision(time)
                .build());
    }

    private static FeishuException limited() {
        return new FeishuException(FeishuErrors.RATE_LIMITED, "request trigger frequency limit", 429);
    }

    /** The calling address when a request is being served (the endpoints are all HTTP). */
    private static String callerAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String mac(String secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Bucket4j's time read from the injected clock, so that tests move it instead of sleeping. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
