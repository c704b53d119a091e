package dev.larkspur.event;

import java.util.List;
import java.util.Set;

/**
 * How an app receives events: by HTTP callback to {@code requestUrl} or over the long connection;
 * its Verification Token (put in every event), optional Encrypt Key, and the event types it
 * subscribes to ({@code null} for every event it may see). {@code mode} is what was saved;
 * {@link #deliveryMode()} is where events actually go.
 */
public record EventSettings(
        long appPk,
        String mode,
        String requestUrl,
        String verificationToken,
        String encryptKey,
        Set<String> eventTypes) {
    public static final String CALLBACK = "callback";
    public static final String WEBSOCKET = "websocket";
    /** Every delivery mode, each with its own claim loop and signal. */
    public static final List<String> MODES = List.of(CALLBACK, WEBSOCKET);

    /**
     * Of an app that never saved event settings: every event it may see, over its long connection,
     * so that a developer who starts an SDK's ws client on a fresh app gets events (issue 10).
     */
    public static EventSettings defaults(long appPk) {
        return new EventSettings(appPk, WEBSOCKET, null, null, null, null);
    }

    /**
     * Callback only when the app is set to callback and has a request URL to call; every other app
     * gets its events over its long connection, rather than over neither.
     */
    public String deliveryMode() {
        return CALLBACK.equals(mode) && requestUrl != null ? CALLBACK : WEBSOCKET;
    }

    public boolean subscribes(String eventType) {
        return eventTypes == null || eventTypes.contains(eventType);
    }

    public boolean encrypted() {
        return encryptKey != null && !encryptKey.isEmpty();
    }
}
