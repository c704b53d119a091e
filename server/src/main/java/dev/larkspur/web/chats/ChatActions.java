package dev.larkspur.web.chats;

import dev.larkspur.chat.Chat;
import dev.larkspur.message.Message;
import dev.larkspur.message.MessageErrors;
import dev.larkspur.message.MessageQueries;
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
    private final MessageQueries queries;

    ChatActions(MessageSending sending, MessageReads reads, MessageQueries queries) {
        this.sending = sending;
        this.reads = reads;
        this.queries = queries;
    }

    /**
     * Writing to a bot goes the act-as-user way (the bot's p2p chat); into a group or a chat with
     * another person, by chat_id, as a user token would.
     */
    Message send(Caller person, Chat chat, MessageSending.Draft draft) {
        if (chat.isP2p() && !chat.isPeopleChat()) {
            return sending.sendToBot(person, draft);
        }
        return sending.send(person, "chat_id", chat.chatId(), draft);
    }

    /**
     * A reply to a message of this chat (in its thread when asked, or when it is in one already);
     * a message of another chat is not one to reply to from here.
     */
    Message reply(Caller person, Chat chat, String parentId, MessageSending.Draft draft, boolean inThread) {
        if (!queries.get(person, parentId).chatId().equals(chat.chatId())) {
            throw MessageErrors.invalid("invalid message_id");
        }
        return sending.reply(person, parentId, draft, inThread);
    }

    /** A message as the person reads it (the root of a thread just replied in). */
    Message message(Caller person, String messageId) {
        return queries.get(person, messageId);
    }

    /**
     * The chat of the person and another person of the tenant named by user_id, opened or reused
     * with the Open API's rules (not oneself, not resigned, same tenant): a FeishuException if not.
     */
    Chat openWith(Caller person, String userId) {
        return sending.target(person, "user_id", userId);
    }

    /** Opening a chat reads what others wrote on the page shown (message_read_v1 for bots). */
    /**
     * Messages seen by id. The read service skips one's own messages and those of chats one is not
     * in, so an id from elsewhere changes nothing.
     */
    void markReadIds(Caller person, List<String> messageIds) {
        reads.markRead(person, messageIds);
    }

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
