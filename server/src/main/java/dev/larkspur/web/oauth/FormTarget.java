package dev.larkspur.web.oauth;

import java.net.URI;

/**
 * The authorize page's Content-Security-Policy. Browsers apply {@code form-action} to the redirects
 * that follow a form's submission too (CSP Level 3 "form-action"), so the browser-wide {@code 'self'}
 * would block the very redirect to the app that the page exists for. This page alone also allows the
 * origin of the registered redirect URI it shows, rebuilt from its parsed parts.
 */
final class FormTarget {
    static final String BASE = "default-src 'self'; img-src 'self' data: blob:; style-src 'self';"
            + " script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private FormTarget() {}

    static String policy(String redirectUri) {
        var uri = URI.create(redirectUri);
        String origin = uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return BASE + " " + origin;
    }
}
