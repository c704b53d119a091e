package dev.larkspur.auth;

import dev.larkspur.auth.internal.OAuthCodeRepository;
import dev.larkspur.auth.internal.RefreshTokenRepository;
import dev.larkspur.auth.internal.RefreshTokenRepository.StoredRefreshToken;
import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.User;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token side of Feishu's OAuth: a code, or a refresh token, exchanged for a user access token
 * and a new refresh token. Codes and refresh tokens are single-use; a conditional update decides a
 * race, so two redemptions of one code cannot both succeed.
 */
@Service
public class OAuthTokens {
    /** D authen-oidc-access_token: "refresh_token … 有效期（30 天左右）". */
    static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

    static final String AUTHORIZATION_CODE = "authorization_code";
    static final String REFRESH_TOKEN = "refresh_token";

    private final AppService apps;
    private final OAuthCodeRepository codes;
    private final RefreshTokenRepository refreshTokens;
    private final TokenService tokens;
    private final OAuthPeople people;
    private final Clock clock;

    OAuthTokens(
            AppService apps,
            OAuthCodeRepository codes,
            RefreshTokenRepository refreshTokens,
            TokenService tokens,
            OAuthPeople people,
            Clock clock) {
        this.apps = apps;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.people = people;
        this.clock = clock;
    }

    /** {@code authen/v1/access_token} and {@code oidc/access_token}: the app is the one whose app token called. */
    @Transactional
    public UserTokens redeemCode(String appId, String grantType, String code) {
        requireGrantType(grantType, AUTHORIZATION_CODE, OAuthApi.V1);
        requirePresent(code, "code", OAuthApi.V1);
        return redeem(apps.get(appId), code, null, null, null, OAuthApi.V1);
    }

    /** {@code authen/v1/refresh_access_token} and {@code oidc/refresh_access_token}. */
    @Transactional
    public UserTokens refresh(String appId, String grantType, String refreshToken) {
        requireGrantType(grantType, REFRESH_TOKEN, OAuthApi.V1);
        requirePresent(refreshToken, "refresh_token", OAuthApi.V1);
        return rotate(apps.get(appId), refreshToken, null, OAuthApi.V1);
    }

    /**
     * {@code authen/v2/oauth/token}. The client authenticates with {@code client_id} and {@code
     * client_secret} in the body or with HTTP Basic, not both (20070). A refresh token comes back
     * only when the person granted {@code offline_access} (D uat-v2 "字段权限要求").
     */
    @Transactional
    public UserTokens token(OAuthTokenRequest request, String authorization) {
        var grantType = request.grantType();
        requirePresent(grantType, "grant_type", OAuthApi.V2);
        if (!grantType.equals(AUTHORIZATION_CODE) && !grantType.equals(REFRESH_TOKEN)) {
            throw OAuthErrors.grantTypeUnsupported(OAuthApi.V2);
        }
        App app = client(request, authorization);
        UserTokens issued;
        if (grantType.equals(AUTHORIZATION_CODE)) {
            requirePresent(request.code(), "code", OAuthApi.V2);
            issued = redeem(
                    app, request.code(), request.redirectUri(), request.codeVerifier(), request.scope(), OAuthApi.V2);
        } else {
            requirePresent(request.refreshToken(), "refresh_token", OAuthApi.V2);
            issued = rotate(app, request.refreshToken(), request.scope(), OAuthApi.V2);
        }
        var granted = OAuthScopes.split(issued.scope());
        var scope = OAuthScopes.join(OAuthScopes.narrowed(granted, request.scope()));
        boolean offline = granted.contains(OAuthScopes.OFFLINE_ACCESS);
        return new UserTokens(
                issued.accessToken(),
                issued.expiresIn(),
                offline ? issued.refreshToken() : null,
                offline ? issued.refreshExpiresIn() : 0,
                scope,
                issued.profile());
    }

    /** {@code authen/v1/user_info}: the person behind the user token, as its app sees them. */
    public UserProfile userInfo(Caller caller) {
        if (caller.userPk() == null) {
            throw OAuthErrors.invalidRequest(OAuthApi.V1, "a user access token is required");
        }
        var user = people.holder(caller.userPk(), OAuthApi.V1);
        // The profile's fields follow the app's enabled scopes, as the token answer's do; the
        // token's own (granted) scopes decide what else it may call.
        var appScopes = apps.findByPk(caller.appPk()).map(App::scopes).orElse(caller.scopes());
        return people.profile(caller.appPk(), caller.tenantKey(), appScopes, user);
    }

    private UserTokens redeem(
            App app, String code, String redirectUri, String codeVerifier, String requested, OAuthApi api) {
        var stored = codes.find(code).orElseThrow(() -> OAuthErrors.codeInvalid(api));
        long now = clock.millis();
        CodeRedemption.check(stored, app.pk(), now, redirectUri, codeVerifier, api);
        User user = people.holder(stored.userPk(), api);
        if (!codes.markUsed(code, now)) {
            throw OAuthErrors.codeUsed(api);
        }
        return issue(app, user, stored.scope(), requested, now);
    }

    private UserTokens rotate(App app, String refreshToken, String requested, OAuthApi api) {
        var stored = refreshTokens.find(refreshToken).orElseThrow(() -> OAuthErrors.refreshInvalid(api));
        long now = clock.millis();
        CodeRedemption.check(stored, app.pk(), now, api);
        User user = people.holder(stored.userPk(), api);
        if (!refreshTokens.markUsed(refreshToken, now)) {
            throw OAuthErrors.refreshUsed(api);
        }
        return issue(app, user, stored.scope(), requested, now);
    }

    /**
     * A new access token, which may do what the person granted (narrowed by the v2 call's {@code
     * requested} scope), and a new refresh token, which keeps the whole grant. A grant of no scopes
     * (the authorize page asked for none, as authen v1 clients do) leaves the app's scopes.
     */
    private UserTokens issue(App app, User user, String scope, String requested, long now) {
        var granted = OAuthScopes.split(scope);
        var allowed = granted.isEmpty() && OAuthScopes.split(requested).isEmpty()
                ? null
                : OAuthScopes.narrowed(granted, requested);
        var access = tokens.userToken(app, user, allowed);
        String refreshToken = "ur-" + Ids.hex(48);
        long refreshExpiresAt = now + REFRESH_LIFETIME.toMillis();
        refreshTokens.insert(
                refreshToken, new StoredRefreshToken(app.pk(), user.pk(), scope, refreshExpiresAt, null), now);
        var profile = people.profile(app.pk(), app.tenantKey(), app.scopes(), user);
        return new UserTokens(
                access.token(), access.expire(), refreshToken, (int) REFRESH_LIFETIME.toSeconds(), scope, profile);
    }

    private App client(OAuthTokenRequest request, String authorization) {
        String clientId = request.clientId();
        String secret = request.clientSecret();
        var basic = BasicCredentials.parse(authorization);
        if (basic.isPresent()) {
            if (secret != null && !secret.isEmpty()) {
                throw OAuthErrors.twoClientAuths();
            }
            if (clientId != null
                    && !clientId.isEmpty()
                    && !clientId.equals(basic.get().id())) {
                throw OAuthErrors.twoClientAuths();
            }
            clientId = basic.get().id();
            secret = basic.get().secret();
        }
        requirePresent(clientId, "client_id", OAuthApi.V2);
        requirePresent(secret, "client_secret", OAuthApi.V2);
        if (apps.find(clientId).isEmpty()) {
            throw OAuthErrors.appNotFound();
        }
        return apps.verifySecret(clientId, secret).orElseThrow(OAuthErrors::clientSecretInvalid);
    }

    private static void requireGrantType(String grantType, String expected, OAuthApi api) {
        requirePresent(grantType, "grant_type", api);
        if (!grantType.equals(expected)) {
            throw OAuthErrors.grantTypeUnsupported(api);
        }
    }

    private static void requirePresent(String value, String name, OAuthApi api) {
        if (value == null || value.isBlank()) {
            throw OAuthErrors.invalidRequest(api, name + " is required");
        }
    }
}
