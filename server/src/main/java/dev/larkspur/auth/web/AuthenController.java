package dev.larkspur.auth.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkspur.auth.OAuthTokens;
import dev.larkspur.auth.UserProfile;
import dev.larkspur.auth.UserTokens;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authen v1 user-token calls (spec/protocols.md §2.6), in the envelope. The docs ask for an
 * app_access_token; a self-built app's is its tenant token, and the Node SDK sends the tenant token
 * anyway, so both are the {@code t-} token here. Failures answer HTTP 200 with a 200xx code, as the
 * docs' error tables say (historic-version/authen/create-oidc-access_token.md).
 */
@RestController
class AuthenController {
    private final OAuthTokens tokens;

    AuthenController(OAuthTokens tokens) {
        this.tokens = tokens;
    }

    record GrantBody(String grantType, String code, String refreshToken) {}

    /** J service/authen/v1/model/CreateOidcAccessTokenRespBody (the oidc calls). */
    record TokenInfo(
            String accessToken,
            String refreshToken,
            String tokenType,
            int expiresIn,
            int refreshExpiresIn,
            String scope) {
        static TokenInfo of(UserTokens t) {
            return new TokenInfo(
                    t.accessToken(),
                    t.refreshToken(),
                    UserTokens.TOKEN_TYPE,
                    t.expiresIn(),
                    t.refreshExpiresIn(),
                    t.scope());
        }
    }

    /** J service/authen/v1/model/UserAccessTokenInfo (the historic calls): the token and the person. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserAccessTokenInfo(
            String accessToken,
            String tokenType,
            int expiresIn,
            String name,
            String enName,
            String openId,
            String unionId,
            String email,
            String userId,
            String mobile,
            String tenantKey,
            int refreshExpiresIn,
            String refreshToken) {
        static UserAccessTokenInfo of(UserTokens t) {
            var p = t.profile();
            return new UserAccessTokenInfo(
                    t.accessToken(),
                    UserTokens.TOKEN_TYPE,
                    t.expiresIn(),
                    p.name(),
                    p.enName(),
                    p.openId(),
                    p.unionId(),
                    p.email(),
                    p.userId(),
                    p.mobile(),
                    p.tenantKey(),
                    t.refreshExpiresIn(),
                    t.refreshToken());
        }
    }

    @PostMapping("/open-apis/authen/v1/access_token")
    @ApiAccess
    ApiResponse<UserAccessTokenInfo> accessToken(Caller caller, @RequestBody(required = false) GrantBody body) {
        var b = orEmpty(body);
        return ApiResponse.success(UserAccessTokenInfo.of(tokens.redeemCode(caller.appId(), b.grantType(), b.code())));
    }

    @PostMapping("/open-apis/authen/v1/refresh_access_token")
    @ApiAccess
    ApiResponse<UserAccessTokenInfo> refreshAccessToken(Caller caller, @RequestBody(required = false) GrantBody body) {
        var b = orEmpty(body);
        return ApiResponse.success(
                UserAccessTokenInfo.of(tokens.refresh(caller.appId(), b.grantType(), b.refreshToken())));
    }

    @PostMapping("/open-apis/authen/v1/oidc/access_token")
    @ApiAccess
    ApiResponse<TokenInfo> oidcAccessToken(Caller caller, @RequestBody(required = false) GrantBody body) {
        var b = orEmpty(body);
        return ApiResponse.success(TokenInfo.of(tokens.redeemCode(caller.appId(), b.grantType(), b.code())));
    }

    @PostMapping("/open-apis/authen/v1/oidc/refresh_access_token")
    @ApiAccess
    ApiResponse<TokenInfo> oidcRefreshAccessToken(Caller caller, @RequestBody(required = false) GrantBody body) {
        var b = orEmpty(body);
        return ApiResponse.success(TokenInfo.of(tokens.refresh(caller.appId(), b.grantType(), b.refreshToken())));
    }

    /** J service/authen/v1/model/GetUserInfoRespBody; needs no scope (D user_info). */
    @GetMapping("/open-apis/authen/v1/user_info")
    @ApiAccess(tokens = TokenType.USER)
    ApiResponse<UserProfile> userInfo(Caller caller) {
        return ApiResponse.success(tokens.userInfo(caller));
    }

    private static GrantBody orEmpty(GrantBody body) {
        return body == null ? new GrantBody(null, null, null) : body;
    }
}
