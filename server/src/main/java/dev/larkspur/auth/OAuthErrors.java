package dev.larkspur.auth;

/**
 * Feishu's OAuth codes and texts. v1 texts and HTTP 200 are from the authen-v1 oidc pages
 * (historic-version/authen/create-oidc-*.md in the docs mirror); v2 texts and HTTP 400 from
 * authentication-management/access-token/{get,refresh}-user-access-token.md. The RFC 6749 error
 * words on v2 are not listed by Feishu beyond {@code server_error}; they follow RFC 6749 §5.2.
 */
final class OAuthErrors {
    static final int INVALID_REQUEST = 20001;
    static final int CLIENT_SECRET_INVALID = 20002;
    static final int CODE_INVALID = 20003;
    static final int CODE_EXPIRED = 20004;
    static final int USER_NOT_FOUND = 20008;
    static final int USER_NOT_PERMITTED = 20010;
    static final int USER_RESIGNED = 20021;
    static final int USER_STATUS_INVALID = 20066;
    static final int APP_MISMATCH = 20024;
    static final int REFRESH_INVALID = 20026;
    static final int SCOPE_NOT_ENABLED = 20027;
    static final int INVALID_APP_ID = 20028;
    static final int INVALID_REDIRECT_URI = 20029;
    static final int GRANT_TYPE_UNSUPPORTED = 20036;
    static final int REFRESH_EXPIRED = 20037;
    static final int REFRESH_NOT_FOUND = 20038;
    static final int APP_NOT_FOUND = 20048;
    static final int PKCE_FAILED = 20049;
    static final int MALFORMED = 20063;
    static final int CODE_USED = 20065;
    static final int SCOPE_DUPLICATE = 20067;
    static final int SCOPE_NOT_GRANTED = 20068;
    static final int TWO_CLIENT_AUTHS = 20070;
    static final int REDIRECT_URI_MISMATCH = 20071;
    static final int REFRESH_USED = 20073;

    private OAuthErrors() {}

    private static OAuthException of(OAuthApi api, int code, String v1, String v2, String error) {
        return api == OAuthApi.V1 ? new OAuthException(code, v1, 200, error) : new OAuthException(code, v2, 400, error);
    }

    // The authorize page (obtain-oauth-code; codes from the oidc-access_token table, 20027 from its FAQ).

    static OAuthException invalidAppId(String appId) {
        return new OAuthException(INVALID_APP_ID, "Invalid app id: " + appId, 400, "invalid_client");
    }

    static OAuthException invalidRedirectUri(String appId) {
        return new OAuthException(
                INVALID_REDIRECT_URI,
                "Invalid redirect uri (redirect_uri 请求不合法): it is not one of the redirect URLs registered on app "
                        + appId,
                400,
                "invalid_request");
    }

    static OAuthException scopeNotEnabled(String scope) {
        return new OAuthException(
                SCOPE_NOT_ENABLED, "The app has not enabled the scope requested: " + scope, 400, "invalid_scope");
    }

    static OAuthException invalidAuthorizeRequest(String detail) {
        return new OAuthException(
                INVALID_REQUEST, "Invalid request. Please check request param: " + detail, 400, "invalid_request");
    }

    static OAuthException userNotPermitted() {
        return new OAuthException(
                USER_NOT_PERMITTED, "The user does not have permission to use this app.", 400, "access_denied");
    }

    static OAuthException resignedCannotAllow() {
        return new OAuthException(USER_RESIGNED, "User resigned", 400, "access_denied");
    }

    // The token endpoints.

    static OAuthException invalidRequest(OAuthApi api, String detail) {
        return of(
                api,
                INVALID_REQUEST,
                "Invalid request. Please check request param: " + detail,
                "The request is missing a required parameter: " + detail,
                "invalid_request");
    }

    static OAuthException malformed() {
        return new OAuthException(
                MALFORMED, "The request is malformed. Please check your request.", 400, "invalid_request");
    }

    static OAuthException grantTypeUnsupported(OAuthApi api) {
        return of(
                api,
                GRANT_TYPE_UNSUPPORTED,
                "The grant_type passed is not supported",
                "The specified grant_type is not supported.",
                "unsupported_grant_type");
    }

    static OAuthException appNotFound() {
        return new OAuthException(APP_NOT_FOUND, "The specified app does not exist.", 400, "invalid_client");
    }

    static OAuthException clientSecretInvalid() {
        return new OAuthException(CLIENT_SECRET_INVALID, "The client secret is invalid.", 400, "invalid_client");
    }

    static OAuthException twoClientAuths() {
        return new OAuthException(
                TWO_CLIENT_AUTHS,
                "Multiple authentication methods were provided. Please only use one to proceed.",
                400,
                "invalid_request");
    }

    static OAuthException codeInvalid(OAuthApi api) {
        return of(
                api,
                CODE_INVALID,
                "The code passed is invalid. Please note that the code could only be used once",
                "The authorization code is not found. Please note that an authorization code can only be used once.",
                "invalid_grant");
    }

    static OAuthException codeUsed(OAuthApi api) {
        return api == OAuthApi.V1
                ? codeInvalid(api)
                : new OAuthException(
                        CODE_USED,
                        "The authorization code has been used. Please note that an authorization code can only be used once.",
                        400,
                        "invalid_grant");
    }

    static OAuthException codeExpired(OAuthApi api) {
        return of(
                api,
                CODE_EXPIRED,
                "The code passed has expired. Please generate a new one",
                "The authorization code has expired.",
                "invalid_grant");
    }

    static OAuthException appMismatch(OAuthApi api) {
        return of(
                api,
                APP_MISMATCH,
                "App id in user_access_token or refresh_token diff with app id in app_access_token or"
                        + " tenant_access_token. Please keep the app id consistent",
                "The provided authorization code or refresh token does not match the provided client ID.",
                "invalid_grant");
    }

    static OAuthException redirectUriMismatch() {
        return new OAuthException(
                REDIRECT_URI_MISMATCH,
                "The provided redirect URI does not match the one used during authorization.",
                400,
                "invalid_grant");
    }

    static OAuthException pkceFailed(OAuthApi api) {
        return of(
                api,
                PKCE_FAILED,
                "PKCE code challenge failed: this code was issued with a code_challenge; redeem it at"
                        + " /open-apis/authen/v2/oauth/token with its code_verifier",
                "PKCE code challenge failed.",
                "invalid_grant");
    }

    static OAuthException refreshInvalid(OAuthApi api) {
        return of(
                api,
                REFRESH_INVALID,
                "The refresh token passed is invalid. Please check the value",
                "The refresh token passed is invalid. Please check the value.",
                "invalid_grant");
    }

    static OAuthException refreshUsed(OAuthApi api) {
        return api == OAuthApi.V1
                ? new OAuthException(
                        REFRESH_NOT_FOUND,
                        "The refresh token passed is not found. Please check the value",
                        200,
                        "invalid_grant")
                : new OAuthException(
                        REFRESH_USED,
                        "The refresh token has been used. Please note that a refresh token can only be used once.",
                        400,
                        "invalid_grant");
    }

    static OAuthException refreshExpired(OAuthApi api) {
        return of(
                api,
                REFRESH_EXPIRED,
                "The refresh token passed has expired. Please generate a new one",
                "The refresh token passed has expired. Please generate a new one.",
                "invalid_grant");
    }

    static OAuthException scopeDuplicate() {
        return new OAuthException(
                SCOPE_DUPLICATE,
                "The provided scope list contains duplicate scopes. Please ensure all scopes are unique.",
                400,
                "invalid_scope");
    }

    static OAuthException scopeNotGranted() {
        return new OAuthException(
                SCOPE_NOT_GRANTED,
                "The provided scope list contains scopes that are not permitted. Please ensure all scopes are allowed.",
                400,
                "invalid_scope");
    }

    static OAuthException userNotFound(OAuthApi api) {
        return of(api, USER_NOT_FOUND, "User not exist", "The user does not exist.", "invalid_grant");
    }

    static OAuthException userResigned(OAuthApi api) {
        return api == OAuthApi.V1
                ? new OAuthException(USER_RESIGNED, "User resigned", 200, "invalid_grant")
                : new OAuthException(USER_STATUS_INVALID, "The user status is invalid.", 400, "invalid_grant");
    }
}
