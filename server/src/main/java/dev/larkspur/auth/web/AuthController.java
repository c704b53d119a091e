package dev.larkspur.auth.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkspur.auth.TokenGrant;
import dev.larkspur.auth.TokenService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The self-built app token endpoints. Unlike every other API they put their fields at the top level,
 * next to {@code code} and {@code msg}, with {@code expire} in seconds (spec/protocols.md §2.1).
 */
@RestController
class AuthController {
    private final TokenService tokens;

    AuthController(TokenService tokens) {
        this.tokens = tokens;
    }

    record Credentials(String appId, String appSecret) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenResponse(int code, String msg, String appAccessToken, String tenantAccessToken, int expire) {}

    @PostMapping("/open-apis/auth/v3/tenant_access_token/internal")
    TokenResponse tenantAccessToken(@RequestBody(required = false) Credentials body) {
        var grant = grant(body);
        return new TokenResponse(0, "ok", null, grant.token(), grant.expire());
    }

    /** The doc's example returns both tokens, with the same value, for a self-built app. */
    @PostMapping("/open-apis/auth/v3/app_access_token/internal")
    TokenResponse appAccessToken(@RequestBody(required = false) Credentials body) {
        var grant = grant(body);
        return new TokenResponse(0, "ok", grant.token(), grant.token(), grant.expire());
    }

    private TokenGrant grant(Credentials body) {
        var credentials = body == null ? new Credentials(null, null) : body;
        return tokens.tenantToken(credentials.appId(), credentials.appSecret());
    }
}
