package dev.larkspur.web.oauth;

import dev.larkspur.auth.OAuthRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/**
 * The authorize page's query parameters, bound by name (D obtain-oauth-code; the historic page's
 * {@code app_id}), and carried through the form as hidden fields. {@code prompt} is accepted and
 * ignored: the page always asks.
 */
record AuthorizeParams(
        String client_id,
        String app_id,
        String response_type,
        String redirect_uri,
        String scope,
        String state,
        String code_challenge,
        String code_challenge_method) {

    OAuthRequest toRequest() {
        return new OAuthRequest(
                client_id != null ? client_id : app_id,
                response_type,
                redirect_uri,
                scope,
                state,
                code_challenge,
                code_challenge_method);
    }

    /** The page's URL query again, for coming back to it after signing in. */
    String toQuery() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("client_id", client_id != null ? client_id : app_id);
        fields.put("response_type", response_type);
        fields.put("redirect_uri", redirect_uri);
        fields.put("scope", scope);
        fields.put("state", state);
        fields.put("code_challenge", code_challenge);
        fields.put("code_challenge_method", code_challenge_method);
        return fields.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
