package dev.larkspur.auth;

import dev.larkspur.auth.internal.GrantRepository;
import dev.larkspur.auth.internal.OAuthCodeRepository;
import dev.larkspur.auth.internal.OAuthCodeRepository.StoredCode;
import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.RedirectUris;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feishu's authorize page, as a service: the page (and the admin API, acting as a person) checks an
 * app's request, then the signed-in person allows it, which issues a code, or denies it. Either way
 * the browser goes back only to a redirect URI registered on the app.
 */
@Service
public class OAuthAuthorizations {
    /** D obtain-oauth-code: "授权码的有效期为 5 分钟，且只能被使用一次". */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    private final AppService apps;
    private final RedirectUris redirectUris;
    private final OAuthPeople people;
    private final OAuthCodeRepository codes;
    private final GrantRepository grants;
    private final Clock clock;

    OAuthAuthorizations(
            AppService apps,
            RedirectUris redirectUris,
            OAuthPeople people,
            OAuthCodeRepository codes,
            GrantRepository grants,
            Clock clock) {
        this.apps = apps;
        this.redirectUris = redirectUris;
        this.people = people;
        this.codes = codes;
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * What the page shows for a request, or why it cannot be served (the page then shows the error
     * and redirects nowhere): an unknown app (20028), an unregistered redirect URI (20029), a scope
     * the app has not enabled (20027), a response_type other than {@code code} or a bad PKCE
     * challenge (20001).
     */
    public OAuthConsent check(OAuthRequest request) {
        return validated(request).consent();
    }

    /** The person allows: a new code, and the URL to send the browser to, with {@code code} and {@code state}. */
    @Transactional
    public String allow(long userPk, OAuthRequest request) {
        var valid = validated(request);
        var user = people.member(valid.app(), userPk);
        long now = clock.millis();
        grants.add(valid.app().pk(), user.pk(), valid.consent().scopes(), now);
        var granted = grants.of(valid.app().pk(), user.pk());
        String code = Ids.hex(64);
        codes.insert(
                code,
                new StoredCode(
                        valid.app().pk(),
                        user.pk(),
                        valid.consent().redirectUri(),
                        OAuthScopes.join(granted),
                        request.state(),
                        valid.challenge(),
                        valid.challengeMethod(),
                        now + CODE_LIFETIME.toMillis(),
                        null),
                now);
        var params = new LinkedHashMap<String, String>();
        params.put("code", code);
        params.put("state", request.state());
        return Redirects.withQuery(valid.consent().redirectUri(), params);
    }

    /** The person denies: back to the app with {@code error=access_denied} and the state (D obtain-oauth-code). */
    public String deny(OAuthRequest request) {
        var consent = check(request);
        var params = new LinkedHashMap<String, String>();
        params.put("error", "access_denied");
        params.put("state", request.state());
        return Redirects.withQuery(consent.redirectUri(), params);
    }

    private record Valid(App app, OAuthConsent consent, String challenge, String challengeMethod) {}

    private Valid validated(OAuthRequest request) {
        String appId = request.clientId();
        if (appId == null || appId.isBlank()) {
            throw OAuthErrors.invalidAppId("client_id (app_id) is required");
        }
        App app = apps.find(appId).orElseThrow(() -> OAuthErrors.invalidAppId(appId));
        if (!redirectUris.isRegistered(app.pk(), request.redirectUri())) {
            throw OAuthErrors.invalidRedirectUri(appId);
        }
        if (request.responseType() != null && !request.responseType().equals("code")) {
            throw OAuthErrors.invalidAuthorizeRequest("response_type must be code");
        }
        var scopes = OAuthScopes.asked(request.scope(), app.scopes());
        String method = Pkce.method(request.codeChallenge(), request.codeChallengeMethod());
        var consent = new OAuthConsent(app.appId(), app.name(), request.redirectUri(), scopes, request.state());
        return new Valid(app, consent, method == null ? null : request.codeChallenge(), method);
    }
}
