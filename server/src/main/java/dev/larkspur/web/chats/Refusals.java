package dev.larkspur.web.chats;

import dev.larkspur.platform.FeishuException;
import java.util.Map;

/** What a person reads when a message rule refuses an action: the rule in plain words. */
final class Refusals {
    private static final Map<Integer, String> PLAIN = Map.of(
            230071, "You can only edit your own messages.",
            230072, "This message has been edited too many times.",
            230026, "You cannot recall this message.",
            230009, "This message is too old to recall.",
            230011, "This message was recalled.",
            231007, "Only the person who reacted can take the reaction back.",
            230054, "This kind of message cannot be changed.");

    private Refusals() {}

    static String text(FeishuException e) {
        return PLAIN.getOrDefault(e.code(), e.getMessage());
    }

    static int status(FeishuException e) {
        return e.httpStatus() >= 400 && e.httpStatus() < 500 ? e.httpStatus() : 400;
    }
}
