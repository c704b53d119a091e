package dev.larkspur.event;

import java.util.List;

/**
 * The bots in a chat, for fan-out. Implemented by the chat module, which depends on this one, so
 * that events can find their audience without a dependency cycle.
 */
public interface ChatBots {
    List<Long> botsIn(long chatPk);

    /**
     * Whether no bot may hear of the chat at all (a p2p chat between two people), even by an event
     * addressed to one app.
     */
    boolean hiddenFromBots(long chatPk);
}
