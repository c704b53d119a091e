package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where an app's events go: by callback only with a request URL to call. */
class EventSettingsTest {
    private static EventSettings settings(String mode, String requestUrl) {
        return new EventSettings(1, mode, requestUrl, "vt", null, null);
    }

    @Test
    void appSetToCallbackWithARequestUrlGetsItsEventsByCallback() {
        assertThat(settings(EventSettings.CALLBACK, "http://127.0.0.1/e").deliveryMode())
                .isEqualTo(EventSettings.CALLBACK);
    }

    @Test
    void appSetToCallbackWithoutARequestUrlGetsThemOverItsLongConnection() {
        assertThat(settings(EventSettings.CALLBACK, null).deliveryMode()).isEqualTo(EventSettings.WEBSOCKET);
    }

    @Test
    void appInLongConnectionModeGetsThemThereEvenWithARequestUrl() {
        assertThat(settings(EventSettings.WEBSOCKET, "http://127.0.0.1/e").deliveryMode())
                .isEqualTo(EventSettings.WEBSOCKET);
    }

    @Test
    void appWithoutSettingsGetsEveryEventOverItsLongConnection() {
        var defaults = EventSettings.defaults(7);
        assertThat(defaults.deliveryMode()).isEqualTo(EventSettings.WEBSOCKET);
        assertThat(defaults.subscribes("im.message.receive_v1")).isTrue();
        assertThat(defaults.subscribes("im.chat.updated_v1")).isTrue();
    }
}
