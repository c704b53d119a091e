package dev.larkspur.event;

import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a developer whose long connection will stay silent why: an app set to callback with a
 * request URL gets its events there, not on the socket. Said in the admin connections list and in
 * a WARN line when such a connection opens, since the SDKs connect happily either way (issue 10).
 */
@Component
public class LongConnectionModes {
    private static final Logger log = LoggerFactory.getLogger(LongConnectionModes.class);
    private final EventSettingsService settings;
    private final AppService apps;

    LongConnectionModes(EventSettingsService settings, AppService apps) {
        this.settings = settings;
        this.apps = apps;
    }

    /** Where the app's events go ({@code callback} or {@code websocket}) and, if not here, a warning. */
    public record Mode(String mode, String warning) {}

    public Mode of(App app) {
        var config = settings.settingsOf(app.pk());
        String mode = config.deliveryMode();
        if (!mode.equals(EventSettings.CALLBACK)) {
            return new Mode(mode, null);
        }
        return new Mode(
                mode,
                "app " + app.appId() + " is in callback mode: this connection gets no events (they go to "
                        + config.requestUrl() + "; set its event settings' mode to websocket to receive them here)");
    }

    /** Called as a connection opens; logs the warning when the app's events go elsewhere. */
    public void opened(long appPk) {
        apps.findByPk(appPk).map(this::of).map(Mode::warning).ifPresent(log::warn);
    }
}
