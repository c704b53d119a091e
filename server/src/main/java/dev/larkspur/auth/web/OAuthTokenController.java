package dev.larkspur.auth.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkspur.auth.OAuthException;
import dev.larkspur.auth.OAuthTokenRequest;
import dev.larkspur.auth.OAuthTokens;
import dev.larkspur.auth.UserTokens;
import dev.larkspur.platform.FeishuException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /open-apis/authen/v2/oauth/token} (D uat-v2, refresh-user-access-token). Unlike the
 * rest of the Open API it answers without the envelope: {@code code} next to the token fields on
 * success; {@code code}, {@code error} and {@code error_description} with HTTP 400 on failure. The
 * docs show a JSON body; standard OAuth libraries, which the docs recommend, post a form, so both.
 */
@RestController
class OAuthTokenController {
    private static final String PATH = "/open-apis/authen/v2/oauth/token";
    private final OAuthTokens tokens;

    OAuthTokenController(OAuthTokens tokens) {
        this.tokens = tokens;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenAnswer(
            int code,
            String accessToken,
            int expiresIn,
            String refreshToken,
            Integer refreshTokenExpiresIn,
            String tokenType,
            String scope) {
        static TokenAnswer of(UserTokens t) {
            return new TokenAnswer(
                    0,
                    t.accessToken(),
                    t.expiresIn(),
                    t.refreshToken(),
                    t.refreshToken() == null ? null : t.refreshExpiresIn(),
                    UserTokens.TOKEN_TYPE,
                    t.scope());
        }
    }

    record ErrorAnswer(int code, String error, String errorDescription) {}

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    TokenAnswer form(
            @RequestParam MultiValueMap<String, String> form,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        var request = new OAuthTokenRequest(
                form.getFirst("grant_type"),
                form.getFirst("client_id"),
                form.getFirst("client_secret"),
                form.getFirst("code"),
                form.getFirst("redirect_uri"),
                form.getFirst("code_verifier"),
                form.getFirst("refresh_token"),
                form.getFirst("scope"));
        return TokenAnswer.of(tokens.token(request, authorization));
    }

    @PostMapping(PATH)
    TokenAnswer json(
            @RequestBody(required = false) OAuthTokenRequest body,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        var request = body == null ? new OAuthTokenRequest(null, null, null, null, null, null, null, null) : body;
        return TokenAnswer.of(tokens.token(request, authorization));
    }

    @ExceptionHandler(FeishuException.class)
    ResponseEntity<ErrorAnswer> refused(FeishuException e) {
        String error = e instanceof OAuthException o ? o.error() : "invalid_request";
        return ResponseEntity.status(e.httpStatus()).body(new ErrorAnswer(e.code(), error, e.getMessage()));
    }

    /** D uat-v2 20063 "The request is malformed": a body that is not JSON of the documented shape. */
    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ErrorAnswer> malformed() {
        return ResponseEntity.badRequest()
                .body(new ErrorAnswer(
                        20063, "invalid_request", "The request is malformed. Please check your request."));
    }
}
