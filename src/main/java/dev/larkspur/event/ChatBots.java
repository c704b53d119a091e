package dev.larkspur.event;

import java.util.List;

/**
 * The bots in a chat, for fan-out. Implemented by the chat module, which depends on this one, so
 * that events can find their audience without a dependency cycle.
 */
public interface ChatBots {
    List<Long> botsIn(long chatPk);
}
