package dev.larkspur.web.content;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What content refers to by id and the page must look up elsewhere: people shared or mentioned in
 * cards (by the id the content carries, an open_id of the sending app), shared chats, and file
 * sizes. The pages implement it with the directory, chat and media services; {@link #NONE} shows
 * ids and no sizes.
 */
public interface ContentLookups {
    ContentLookups NONE = new ContentLookups() {};

    default Optional<String> personName(String id) {
        return Optional.empty();
    }

    default Optional<SharedChat> chat(String chatId) {
        return Optional.empty();
    }

    /** Whether a card's {@code <at id="…">} names the person looking, to highlight it. */
    default boolean isViewer(String id) {
        return false;
    }

    default OptionalLong fileSize(String fileKey) {
        return OptionalLong.empty();
    }

    /** A chat as a share card shows it. */
    record SharedChat(String name, String description) {}
}
