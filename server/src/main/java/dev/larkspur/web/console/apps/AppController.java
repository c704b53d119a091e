package dev.larkspur.web.console.apps;

import dev.larkspur.directory.AppChanges;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.RedirectUris;
import dev.larkspur.event.EventSettings;
import dev.larkspur.event.EventSettingsService;
import dev.larkspur.event.EventType;
import dev.larkspur.event.LongConnectionModes;
import dev.larkspur.event.LongConnections;
import dev.larkspur.web.console.ConsoleForms;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One app, as Feishu's developer console shows it: name and bot ability, scopes, OAuth redirect
 * URIs, event settings, and its live long connections. Each form calls the service behind the
 * matching admin API ({@code PATCH /apps/{id}}, {@code PUT .../event_settings}, ...).
 */
@Controller
class AppController {
    private final AppService apps;
    private final RedirectUris redirectUris;
    private final EventSettingsService settings;
    private final LongConnections connections;
    private final LongConnectionModes modes;

    AppController(
            AppService apps,
            RedirectUris redirectUris,
            EventSettingsService settings,
            LongConnections connections,
            LongConnectionModes modes) {
        this.apps = apps;
        this.redirectUris = redirectUris;
        this.settings = settings;
        this.connections = connections;
        this.modes = modes;
    }

    record EventChoice(String type, boolean subscribed) {}

    record ConnectionRow(String deviceId, Instant connectedAt, Instant lastSeenAt) {}

    @GetMapping("/console/apps/{app_id}")
    String show(@PathVariable("app_id") String appId, Model model) {
        var app = apps.get(appId);
        var events = settings.settingsOf(app.pk());
        model.addAttribute("app", app);
        model.addAttribute("scopeGroups", ScopeGroups.of(app.scopes()));
        model.addAttribute("redirectUris", String.join("\n", redirectUris.list(appId)));
        model.addAttribute("events", events);
        model.addAttribute(
                "eventChoices",
                EventType.SUBSCRIBABLE.stream()
                        .map(t -> new EventChoice(t, events.subscribes(t)))
                        .toList());
        model.addAttribute("mode", modes.of(app));
        model.addAttribute(
                "connections",
                connections.of(app.pk()).stream()
                        .map(c -> new ConnectionRow(
                                c.deviceId(),
                                Instant.ofEpochMilli(c.connectedAt()),
                                Instant.ofEpochMilli(c.lastSeenAt())))
                        .toList());
        return "web/console/app";
    }

    @PostMapping("/console/apps/{app_id}/profile")
    String profile(
            @PathVariable("app_id") String appId,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "bot", defaultValue = "false") boolean bot,
            RedirectAttributes flash) {
        return ConsoleForms.act(flash, page(appId), () -> {
            var app = apps.update(appId, new AppChanges(name, null, bot));
            return "Saved: bot ability " + (app.botEnabled() ? "on" : "off") + ".";
        });
    }

    @PostMapping("/console/apps/{app_id}/scopes")
    String scopes(
            @PathVariable("app_id") String appId,
            @RequestParam(name = "scope", required = false) String[] scopes,
            RedirectAttributes flash) {
        List<String> chosen = scopes == null ? List.of() : Arrays.asList(scopes);
        return ConsoleForms.act(flash, page(appId), () -> {
            var app = apps.update(appId, new AppChanges(null, chosen, null));
            return "Scopes saved: " + app.scopes().size() + " granted.";
        });
    }

    @PostMapping("/console/apps/{app_id}/redirect-uris")
    String redirectUris(
            @PathVariable("app_id") String appId,
            @RequestParam(name = "redirect_uris", defaultValue = "") String text,
            RedirectAttributes flash) {
        var uris = text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return ConsoleForms.act(
                flash,
                page(appId),
                () -> "Redirect URIs saved: "
                        + redirectUris.replace(appId, uris).size() + ".");
    }

    /**
     * A request URL that differs from the saved one runs Feishu's url_verification challenge before
     * anything is saved; its outcome is the notice (or the error). An unchanged URL is not re-checked.
     */
    @PostMapping("/console/apps/{app_id}/events")
    String events(
            @PathVariable("app_id") String appId,
            @RequestParam(name = "mode", required = false) String mode,
            @RequestParam(name = "request_url", defaultValue = "") String requestUrl,
            @RequestParam(name = "verification_token", required = false) String verificationToken,
            @RequestParam(name = "encrypt_key", defaultValue = "") String encryptKey,
            @RequestParam(name = "event_type", required = false) String[] eventTypes,
            RedirectAttributes flash) {
        return ConsoleForms.act(flash, page(appId), () -> {
            var app = apps.get(appId);
            var current = settings.settingsOf(app.pk());
            String url = requestUrl.strip();
            boolean newUrl = !url.isEmpty() && !url.equals(current.requestUrl());
            String urlChange = newUrl ? url : url.isEmpty() && current.requestUrl() != null ? "" : null;
            var saved = settings.configure(
                    app,
                    new EventSettingsService.Change(
                            mode,
                            urlChange,
                            verificationToken == null || verificationToken.isBlank() ? null : verificationToken.strip(),
                            Objects.equals(blankToNull(encryptKey), current.encryptKey()) ? null : encryptKey.strip(),
                            new LinkedHashSet<>(eventTypes == null ? List.of() : Arrays.asList(eventTypes))));
            String where = saved.deliveryMode().equals(EventSettings.CALLBACK)
                    ? "events go to " + saved.requestUrl()
                    : "events go over the long connection";
            return (newUrl ? "Request URL verified: it answered the url_verification challenge. " : "Saved: ") + where
                    + ".";
        });
    }

    private static String page(String appId) {
        return "/console/apps/" + appId;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
