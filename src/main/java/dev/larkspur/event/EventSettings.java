package dev.larkspur.event;

import java.util.Set;

/**
 * How an app receives events: by HTTP callback to {@code requestUrl} or over the long connection;
 * its Verification Token (put in every event), optional Encrypt Key, and the event types it
 * subscribes to ({@code null} for every event it may see).
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

    public boolean subscribes(String eventType) {
        return eventTypes == null || eventTypes.contains(eventType);
    }

    public boolean encrypted() {
        return encryptKey != null && !encryptKey.isEmpty();
    }
}
