package dev.larkspur.event;

import java.util.Map;

/**
 * References to people and bots inside an event payload. Stored as markers, they become id objects
 * ({@code union_id}, {@code user_id}, {@code open_id}) as the receiving app sees them.
 */
public final class EventRefs {
    static final String USER = "$user";
    static final String BOT = "$bot";

    private EventRefs() {}

    public static Map<String, Object> user(long userPk) {
        return Map.of(USER, userPk);
    }

    public static Map<String, Object> bot(long appPk) {
        return Map.of(BOT, appPk);
    }
}
