package dev.larkspur.event;

import java.util.Map;

/**
 * References to people and bots inside an event payload. Stored as markers, they become id objects
 * ({@code union_id}, {@code user_id}, {@code open_id}) as the receiving app sees them.
 */
public final class EventRefs {
    static final String USER = "$user";
    static final String BOT = "$bot";
    static final String NAMED = "$named";

    private EventRefs() {}

    public static Map<String, Object> user(long userPk) {
        return Map.of(USER, userPk);
    }

    /**
     * A person in a v1 event body who is also named ({@code {name, open_id, user_id}}); v2 events
     * render it as a plain id object.
     */
    public static Map<String, Object> userWithName(long userPk) {
        return Map.of(USER, userPk, NAMED, true);
    }

    public static Map<String, Object> bot(long appPk) {
        return Map.of(BOT, appPk);
    }
}
