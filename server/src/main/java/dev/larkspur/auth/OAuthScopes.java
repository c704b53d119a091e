package dev.larkspur.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The rules for the scopes a person grants an app on the authorize page and at the v2 token call. */
final class OAuthScopes {
    /**
     * The scope that makes the v2 token call answer a refresh token (D uat-v2 "字段权限要求"). Feishu
     * has an app enable it in its console; Larkspur lets every app ask for it, since it reaches no data.
     */
    static final String OFFLINE_ACCESS = "offline_access";

    /** D obtain-oauth-code: "应用最多一次可以请求用户授予 50 个 scope". */
    static final int MAX_ASKED = 50;

    private OAuthScopes() {}

    /** A space-separated scope string as its scopes, in order; blank is none. */
    static List<String> split(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return List.of(scope.strip().split("\\s+"));
    }

    /** What the authorize page asks for: each scope once, each enabled on the app, at most 50. */
    static List<String> asked(String scope, Set<String> appScopes) {
        var asked = List.copyOf(new LinkedHashSet<>(split(scope)));
        if (asked.size() > MAX_ASKED) {
            throw OAuthErrors.invalidAuthorizeRequest("at most " + MAX_ASKED + " scopes may be asked at once");
        }
        for (String s : asked) {
            if (!s.equals(OFFLINE_ACCESS) && !appScopes.contains(s)) {
                throw OAuthErrors.scopeNotEnabled(s);
            }
        }
        return asked;
    }

    /**
     * The v2 token call's {@code scope} narrows the token to a subset of what was granted: no repeats
     * (20067) and nothing beyond the grant (20068); absent means all of it (D uat-v2 request body).
     */
    static List<String> narrowed(Collection<String> granted, String requested) {
        var wanted = split(requested);
        if (wanted.isEmpty()) {
            return List.copyOf(granted);
        }
        if (new LinkedHashSet<>(wanted).size() != wanted.size()) {
            throw OAuthErrors.scopeDuplicate();
        }
        if (!granted.containsAll(wanted)) {
            throw OAuthErrors.scopeNotGranted();
        }
        return wanted;
    }

    static String join(Collection<String> scopes) {
        return String.join(" ", scopes);
    }

    static List<String> union(Collection<String> a, Collection<String> b) {
        var all = new LinkedHashSet<String>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
