package dev.larkspur.web.chats;

import dev.larkspur.chat.Chat;
import dev.larkspur.message.Message;
import dev.larkspur.message.MessageReads;
import dev.larkspur.message.MessageSending;
import dev.larkspur.platform.Caller;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the person does in a chat, through the message module's services as any client would. */
@Component
class ChatActions {
    private final MessageSending sending;
    private final MessageReads reads;

    ChatActions(MessageSending sending, MessageReads reads) {
        this.sending = sending;
        this.reads = reads;
    }

    /** Writing to a bot goes the act-as-user way (the bot's p2p chat); into a group, by chat_id. */
    Message send(Caller person, Chat chat, MessageSending.Draft draft) {
        if (chat.isP2p()) {
            return sending.sendToBot(person, draft);
        }
        return sending.send(person, "chat_id", chat.chatId(), draft);
    }

    /** Opening a chat reads what others wrote on the page shown (message_read_v1 for bots). */
    void markRead(Caller person, List<Message> shown) {
        var ids = shown.stream()
                .filter(m -> !m.sentByUser(person.userPk()))
                .map(Message::messageId)
                .toList();
        if (!ids.isEmpty()) {
            reads.markRead(person, ids);
        }
    }
}
