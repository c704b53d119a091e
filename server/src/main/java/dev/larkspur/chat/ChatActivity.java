package dev.larkspur.chat;

import dev.larkspur.chat.internal.ActivityBuffer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks a chat active when a message is posted, for the {@code ByActiveTimeDesc} chat list: once the
 * posting transaction commits, in memory, written to the chat row within a second ({@link
 * ActivityBuffer}), so that a send never locks its chat's row.
 */
@Component
public class ChatActivity {
    private final ActivityBuffer buffer;

    ChatActivity(ActivityBuffer buffer) {
        this.buffer = buffer;
    }

    public void touch(Chat chat, long now) {
        long pk = chat.pk();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            buffer.record(pk, now);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                buffer.record(pk, now);
            }
        });
    }
}
