package dev.larkspur.auth;

import java.util.List;

/**
 * A valid authorize request, as the page shows it to the person: which app asks, for which scopes,
 * and where the browser goes next. {@code scopes} keeps the order asked, without repeats.
 */
public record OAuthConsent(String appId, String appName, String redirectUri, List<String> scopes, String state) {}
