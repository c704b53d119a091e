package dev.larkspur.chat;

import java.util.Optional;

/**
 * The latest message of a chat, which {@code bot_p2p_chat_entered_v1} names. Implemented by the
 * message module, which depends on this one, so that the chat module needs no message SQL.
 */
public interface LatestMessages {
    Optional<Latest> latestIn(long chatPk);

    /** A message's public id and its creation time in milliseconds. */
    record Latest(String messageId, long createdAt) {}
}
