package dev.larkspur.message;

import dev.larkspur.chat.LatestMessages;
import dev.larkspur.message.internal.MessageRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tells the chat module a chat's newest top-level message, read with the history index. */
@Component
class LatestMessagesOfChat implements LatestMessages {
    private final MessageRepository messages;

    LatestMessagesOfChat(MessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public Optional<Latest> latestIn(long chatPk) {
        return messages.pageOfChat(chatPk, 0, Long.MAX_VALUE, false, Long.MAX_VALUE, Long.MAX_VALUE, 1).stream()
                .findFirst()
                .map(m -> new Latest(m.messageId(), m.createdAt()));
    }
}
