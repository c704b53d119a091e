package dev.larkspur.event;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larkspur.directory.App;
import dev.larkspur.event.internal.SettingsRepository;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.platform.Ids;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-app event settings. Setting a request URL first runs Feishu's {@code url_verification}
 * challenge against it (encrypted when a key is set, without signature headers) and refuses a URL
 * that does not echo the challenge within one second; the settings then keep their old URL.
 */
@Service
public class EventSettingsService {
    private static final Logger log = LoggerFactory.getLogger(EventSettingsService.class);
    private final SettingsRepository settings;
    private final CallbackTransport transport;
    private final JsonMapper json;
    private final Duration challengeTimeout;
    private final Clock clock;
    private final Cache<Long, Optional<EventSettings>> recent = Caffeine.newBuilder()
            .expireAfterWrite(EventApps.FRESH)
            .maximumSize(10_000)
            .build();

    EventSettingsService(
            SettingsRepository settings,
            CallbackTransport transport,
            JsonMapper json,
            UrlVerificationProperties urlVerification,
            Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        this.challengeTimeout = urlVerification.timeout();
        this.clock = clock;
    }

    /**
     * A settings change; null fields keep their value. A new request URL without a mode selects
     * callback mode, as entering the URL does in Feishu's console; an app that never had settings
     * starts in long-connection mode.
     */
    public record Change(
            String mode, String requestUrl, String verificationToken, String encryptKey, Set<String> eventTypes) {}

    /** What was saved for the app, if anything. */
    public Optional<EventSettings> find(long appPk) {
        return settings.find(appPk);
    }

    /** What applies to the app: its saved settings, or {@link EventSettings#defaults} without any. */
    public EventSettings settingsOf(long appPk) {
        return settings.find(appPk).orElseGet(() -> EventSettings.defaults(appPk));
    }

    /**
     * As {@link #find}, for fan-out and delivery, which read them for every event: a copy at most
     * {@link EventApps#FRESH} old, dropped here as soon as a change through {@link #configure}
     * (the only writer) commits; another instance's change is seen within that time.
     */
    Optional<EventSettings> recent(long appPk) {
        return recent.get(appPk, settings::find);
    }

    /** As {@link #settingsOf}, from {@link #recent}. */
    EventSettings recentOrDefaults(long appPk) {
        return recent(appPk).orElseGet(() -> EventSettings.defaults(appPk));
    }

    @Transactional
    public EventSettings configure(App app, Change change) {
        var current = settings.find(app.pk())
                .orElse(new EventSettings(app.pk(), EventSettings.WEBSOCKET, null, Ids.hex(32), null, null));
        boolean newUrl = change.requestUrl() != null && !change.requestUrl().isBlank();
        var next = new EventSettings(
                app.pk(),
                change.mode() != null ? change.mode() : newUrl ? EventSettings.CALLBACK : current.mode(),
                change.requestUrl() != null ? blankToNull(change.requestUrl()) : current.requestUrl(),
                change.verificationToken() != null ? change.verificationToken() : current.verificationToken(),
                change.encryptKey() != null ? blankToNull(change.encryptKey()) : current.encryptKey(),
                change.eventTypes() != null ? change.eventTypes() : current.eventTypes());
        if (!EventSettings.MODES.contains(next.mode())) {
            throw invalid("mode must be callback or websocket");
        }
        if (next.requestUrl() != null && change.requestUrl() != null) {
            verify(app, next);
        }
        settings.save(next, clock.millis());
        forgetAfterCommit(app.pk());
        return next;
    }

    private void forgetAfterCommit(long appPk) {
        recent.invalidate(appPk);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    recent.invalidate(appPk);
                }
            });
        }
    }

    private void verify(App app, EventSettings s) {
        URI uri;
        try {
            uri = URI.create(s.requestUrl());
        } catch (IllegalArgumentException e) {
            throw invalid("request_url is not a URL");
        }
        // Schemes are case-insensitive (RFC 3986 §3.1): HTTP:// is as good as http://.
        if (uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            throw invalid("request_url must be http or https");
        }
        String challenge = Ids.hex(24);
        var plain = new LinkedHashMap<String, Object>();
        plain.put("challenge", challenge);
        plain.put("token", s.verificationToken());
        plain.put("type", "url_verification");
        String body = json.writeValueAsString(plain);
        if (s.encrypted()) {
            body = json.writeValueAsString(Map.of("encrypt", EventCrypto.encrypt(s.encryptKey(), body)));
        }
        var response = transport.post(s.requestUrl(), Map.of(), body, challengeTimeout);
        String failure = null;
        if (response.timedOut()) {
            failure = "no answer within " + seconds(challengeTimeout);
        } else if (!response.ok()) {
            failure = response.error() != null ? response.error() : "HTTP " + response.status();
        } else {
            try {
                var answer = json.readTree(response.body());
                if (!challenge.equals(answer.path("challenge").asString(""))) {
                    failure = "answered with a different challenge";
                }
            } catch (JacksonException e) {
                failure = "answered with something that is not JSON";
            }
        }
        if (failure != null) {
            // One answer for every failure, so that the caller cannot tell a closed port from a
            // slow or wrong endpoint (issue 13: setting URLs must not scan the network); the
            // operator's log has the detail.
            log.info("url_verification of {} for app {} failed: {}", s.requestUrl(), app.appId(), failure);
            throw invalid("request_url verification failed: it must answer the url_verification challenge"
                    + " with {\"challenge\":\"<the value received>\"} within 1 s, as Feishu requires (answer at"
                    + " once, before any slow work). The settings were not changed; the server log has the detail");
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static FeishuException invalid(String msg) {
        return new FeishuException(400, msg, 400);
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
