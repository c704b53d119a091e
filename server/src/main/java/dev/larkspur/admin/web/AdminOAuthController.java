package dev.larkspur.admin.web;

import dev.larkspur.auth.OAuthAuthorizations;
import dev.larkspur.auth.OAuthRequest;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.directory.RedirectUris;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.ApiResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAuth set-up for operators: an app's registered redirect URIs (Feishu's console "安全设置 >
 * 重定向 URL"); and for tests and scripts, a person allowing an app on the authorize page, through
 * the same service the page calls, answering the URL the browser would be sent to.
 */
@RestController
@RequestMapping("/admin/v1")
class AdminOAuthController {
    private final RedirectUris redirectUris;
    private final UserService users;
    private final OAuthAuthorizations authorizations;

    AdminOAuthController(RedirectUris redirectUris, UserService users, OAuthAuthorizations authorizations) {
        this.redirectUris = redirectUris;
        this.users = users;
        this.authorizations = authorizations;
    }

    record RedirectUrisBody(List<String> redirectUris) {}

    record AuthorizeBody(
            String appId,
            String redirectUri,
            String scope,
            String state,
            String codeChallenge,
            String codeChallengeMethod) {}

    record Authorized(String redirectUrl) {}

    @GetMapping("/apps/{app_id}/redirect_uris")
    ApiResponse<RedirectUrisBody> redirectUris(@PathVariable("app_id") String appId) {
        return ApiResponse.success(new RedirectUrisBody(redirectUris.list(appId)));
    }

    @PutMapping("/apps/{app_id}/redirect_uris")
    ApiResponse<RedirectUrisBody> replaceRedirectUris(
            @PathVariable("app_id") String appId, @RequestBody(required = false) RedirectUrisBody body) {
        if (body == null || body.redirectUris() == null) {
            throw DirectoryErrors.invalid("redirect_uris is required (an empty list removes them all)");
        }
        return ApiResponse.success(new RedirectUrisBody(redirectUris.replace(appId, body.redirectUris())));
    }

    @PostMapping("/tenants/{tenant_key}/users/{user_id}/oauth/authorize")
    ApiResponse<Authorized> authorize(
            @PathVariable("tenant_key") String tenantKey,
            @PathVariable("user_id") String userId,
            @RequestBody(required = false) AuthorizeBody body) {
        var b = body == null ? new AuthorizeBody(null, null, null, null, null, null) : body;
        var user = users.findByUserId(tenantKey, userId).orElseThrow(() -> DirectoryErrors.notFound("user " + userId));
        var request = new OAuthRequest(
                b.appId(), null, b.redirectUri(), b.scope(), b.state(), b.codeChallenge(), b.codeChallengeMethod());
        return ApiResponse.success(new Authorized(authorizations.allow(user.pk(), request)));
    }
}
