package dev.larkspur.chat;

import dev.larkspur.chat.internal.ChatRepository;
import org.springframework.stereotype.Component;

/** Marks a chat active when a message is posted, for the {@code ByActiveTimeDesc} chat list. */
@Component
public class ChatActivity {
    private final ChatRepository chats;

    ChatActivity(ChatRepository chats) {
        this.chats = chats;
    }

    public void touch(Chat chat, long now) {
        chats.touch(chat.pk(), now);
    }
}
