package dev.larkspur.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larkspur.auth.internal.TokenRepository;
import dev.larkspur.auth.internal.TokenRepository.StoredToken;
import dev.larkspur.directory.App;
import dev.larkspur.directory.AppChanged;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.User;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.Ids;
import dev.larkspur.platform.TokenType;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Issues and checks access tokens with Feishu's lifetime rules (spec/protocols.md §2.2): two hours;
 * a repeat request gets the same token while at least 30 minutes remain, then a new one while the
 * old stays valid to its own end. Tokens are rows, so they outlive a restart.
 */
@Service
public class TokenService {
    static final Duration LIFETIME = Duration.ofHours(2);
    static final Duration REISSUE_BELOW = Duration.ofMinutes(30);
    private static final String TENANT = "tenant";
    private static final String USER = "user";

    /**
     * How long a checked token and its app are reused without asking the database: every API call
     * checks its token, and the three lookups were a fifth of a message send's statements. Changes
     * to an app made through this instance apply at once (the cache is cleared); another instance
     * sees them within this time.
     */
    static final Duration REUSE = Duration.ofSeconds(5);

    private final TokenRepository tokens;
    private final AppService apps;
    private final Clock clock;
    private final Cache<String, Checked> checked =
            Caffeine.newBuilder().expireAfterWrite(REUSE).maximumSize(10_000).build();

    TokenService(TokenRepository tokens, AppService apps, Clock clock) {
        this.tokens = tokens;
        this.apps = apps;
        this.clock = clock;
    }

    /** A stored token with its app as read together; expiry is still checked on every use. */
    private record Checked(StoredToken token, App app) {}

    @TransactionalEventListener(fallbackExecution = true)
    void onAppChanged(AppChanged change) {
        checked.invalidateAll();
    }

    /** The tenant token for an app's credentials; for a self-built app it is also its app token. */
    @Transactional
    public TokenGrant tenantToken(String appId, String appSecret) {
        if (appId == null || appId.isBlank() || appSecret == null || appSecret.isBlank()) {
            throw AuthErrors.missingCredentials();
        }
        if (apps.find(appId).isEmpty()) {
            throw AuthErrors.unknownApp();
        }
        App app = apps.verifySecret(appId, appSecret).orElseThrow(AuthErrors::wrongSecret);
        long now = clock.millis();
        var current = tokens.newestTenantToken(app.pk(), now + REISSUE_BELOW.toMillis() - 1);
        if (current.isPresent()) {
            return new TokenGrant(
                    current.get().token(), secondsLeft(current.get().expiresAt(), now));
        }
        String token = "t-" + Ids.hex(40);
        long expiresAt = now + LIFETIME.toMillis();
        tokens.insert(token, TENANT, app.pk(), null, now, expiresAt);
        return new TokenGrant(token, secondsLeft(expiresAt, now));
    }

    /**
     * A user access token for the app acting as this user. Feishu issues these through its OAuth
     * login; Larkspur's operators and tests mint them directly through the admin API.
     */
    @Transactional
    public TokenGrant userToken(App app, User user) {
        return userToken(app, user, null);
    }

    /**
     * A user access token that may do only what the person granted: {@code granted} scopes (of
     * those the app has enabled, checked on every call); null for all of the app's.
     */
    @Transactional
    public TokenGrant userToken(App app, User user, Collection<String> granted) {
        long now = clock.millis();
        String token = "u-" + Ids.hex(40);
        long expiresAt = now + LIFETIME.toMillis();
        tokens.insert(
                token, USER, app.pk(), user.pk(), now, expiresAt, granted == null ? null : String.join(" ", granted));
        return new TokenGrant(token, secondsLeft(expiresAt, now));
    }

    /**
     * Checks an {@code Authorization} header against what an endpoint accepts, in Feishu's order:
     * a token at all (99991661), its shape (99991671), validity (99991663 tenant, 99991668 user), its
     * kind, then scopes (99991672).
     */
    public Caller authenticate(String authorization, ApiAccess access) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw FeishuErrors.needToken();
        }
        String token = authorization.substring(7).strip();
        if (token.isEmpty()) {
            throw FeishuErrors.needToken();
        }
        boolean userToken = token.startsWith("u-");
        if (!userToken && !token.startsWith("t-")) {
            throw FeishuErrors.badTokenFormat();
        }
        long now = clock.millis();
        var hit = Optional.ofNullable(checked.getIfPresent(token)).or(() -> tokens.find(token)
                .map(t -> new Checked(t, apps.get(t.appId())))
                .map(c -> {
                    checked.put(token, c);
                    return c;
                }));
        var stored = hit.map(Checked::token)
                .filter(t -> t.kind().equals(userToken ? USER : TENANT))
                .filter(t -> t.expiresAt() > now)
                .orElseThrow(() -> userToken
                        ? FeishuErrors.invalidUserToken(
                                "Invalid access token for authorization. Please make a request with token attached.")
                        : FeishuErrors.invalidTenantToken());
        List<TokenType> accepted = Arrays.asList(access.tokens());
        if (userToken && !accepted.contains(TokenType.USER)) {
            throw FeishuErrors.invalidUserToken("user access token not support");
        }
        if (!userToken && !accepted.contains(TokenType.TENANT)) {
            throw FeishuErrors.invalidTenantToken();
        }
        App app = hit.get().app();
        var caller = new Caller(
                userToken ? TokenType.USER : TokenType.TENANT,
                app.pk(),
                app.appId(),
                app.tenantPk(),
                app.tenantKey(),
                app.botEnabled(),
                scopesOf(stored, app),
                stored.userPk());
        List<String> required = Arrays.asList(access.scopes());
        if (!required.isEmpty() && !caller.hasAnyScope(required)) {
            throw FeishuErrors.scopeRequired(required);
        }
        return caller;
    }

    /** The app's scopes, or of them those the person granted when the token came from OAuth. */
    private static Set<String> scopesOf(StoredToken token, App app) {
        if (token.scope() == null) {
            return app.scopes();
        }
        var granted = new HashSet<>(Arrays.asList(token.scope().split(" ")));
        granted.retainAll(app.scopes());
        return Set.copyOf(granted);
    }

    private static int secondsLeft(long expiresAt, long now) {
        return (int) Math.max(0, (expiresAt - now) / 1000);
    }
}
