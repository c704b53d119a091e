package dev.larkspur.directory;

import dev.larkspur.directory.internal.RedirectUriRepository;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The redirect URIs registered on an app, Feishu's "安全设置 > 重定向 URL": the authorize page sends
 * a code only to one of them (obtain-oauth-code: "只有在重定向 URL 列表中的 URL 才会通过开放平台的安全校验").
 */
@Service
public class RedirectUris {
    static final int MAX_LENGTH = 1024;
    static final int MAX_COUNT = 100;
    private final RedirectUriRepository uris;
    private final AppService apps;
    private final Clock clock;

    RedirectUris(RedirectUriRepository uris, AppService apps, Clock clock) {
        this.uris = uris;
        this.apps = apps;
        this.clock = clock;
    }

    public List<String> list(String appId) {
        return uris.of(apps.get(appId).pk());
    }

    /** Replaces the app's list; the same list again writes nothing. */
    @Transactional
    public List<String> replace(String appId, List<String> redirectUris) {
        var app = apps.get(appId);
        var wanted = redirectUris == null ? List.<String>of() : redirectUris;
        if (wanted.size() > MAX_COUNT) {
            throw DirectoryErrors.invalid("at most " + MAX_COUNT + " redirect_uris");
        }
        wanted.forEach(RedirectUris::requireValid);
        var distinct = wanted.stream().distinct().toList();
        if (!Set.copyOf(uris.of(app.pk())).equals(Set.copyOf(distinct))) {
            uris.replace(app.pk(), distinct, clock.millis());
        }
        return uris.of(app.pk());
    }

    /** Whether this exact string is registered on the app. */
    public boolean isRegistered(long appPk, String redirectUri) {
        return redirectUri != null && uris.contains(appPk, redirectUri);
    }

    /** An absolute http(s) URI: the page redirects a browser there, so nothing else may pass. */
    static void requireValid(String uri) {
        if (uri == null || uri.isBlank() || uri.length() > MAX_LENGTH) {
            throw DirectoryErrors.invalid("a redirect_uri must have 1 to " + MAX_LENGTH + " characters");
        }
        try {
            var parsed = new URI(uri);
            String scheme = parsed.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || parsed.getHost() == null) {
                throw DirectoryErrors.invalid("a redirect_uri must be an absolute http or https URL: " + uri);
            }
        } catch (URISyntaxException e) {
            throw DirectoryErrors.invalid("a redirect_uri must be an absolute http or https URL: " + uri);
        }
    }
}
