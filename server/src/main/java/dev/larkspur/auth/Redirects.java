package dev.larkspur.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where the authorize page sends the browser: the registered redirect URI with the answer added to
 * its query. A fragment stays at the end, after the new parameters, as Feishu does (D
 * obtain-oauth-code "redirect_uri 中带 # 时的说明").
 */
final class Redirects {
    private Redirects() {}

    /** {@code params} in order; null values are left out (an absent state is not sent back). */
    static String withQuery(String redirectUri, Map<String, String> params) {
        int hash = redirectUri.indexOf('#');
        String base = hash < 0 ? redirectUri : redirectUri.substring(0, hash);
        String fragment = hash < 0 ? "" : redirectUri.substring(hash);
        var url = new StringBuilder(base);
        char separator = base.indexOf('?') < 0 ? '?' : (base.endsWith("?") || base.endsWith("&") ? 0 : '&');
        for (var p : params.entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
            if (separator != 0) {
                url.append(separator);
            }
            url.append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = '&';
        }
        return url.append(fragment).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
