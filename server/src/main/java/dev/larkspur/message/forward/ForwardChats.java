package dev.larkspur.message.forward;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatModeration;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.message.Message;
import dev.larkspur.message.MessageErrors;
import dev.larkspur.message.MessageSending;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where forwarded messages come from and go to (spec/message.md §3.6–3.8): the bot must be able to
 * read what it forwards, and may post where it forwards to as it may send there.
 */
@Component
class ForwardChats {
    private final MessageSending sending;
    private final ChatQueries chats;
    private final ChatAccess access;
    private final ChatModeration moderation;
    private final MessageRepository messages;

    ForwardChats(
            MessageSending sending,
            ChatQueries chats,
            ChatAccess access,
            ChatModeration moderation,
            MessageRepository messages) {
        this.sending = sending;
        this.chats = chats;
        this.access = access;
        this.moderation = moderation;
        this.messages = messages;
    }

    /** A chat to post into, and the thread root when the target is a thread. */
    record Destination(Chat chat, Message threadRoot) {}

    /**
     * The destination named by {@code receive_id_type} and {@code receive_id}: a person (their p2p
     * chat with the bot), a chat, or a thread, which the bot must be allowed to post into.
     */
    Destination destination(Caller caller, String receiveIdType, String receiveId) {
        if (receiveId == null || receiveId.isBlank()) {
            throw MessageErrors.invalid("invalid receive_id");
        }
        Chat chat;
        Message threadRoot = null;
        if ("thread_id".equals(receiveIdType)) {
            threadRoot = threadRoot(receiveId)
                    .filter(root -> root.tenantPk() == caller.tenantPk())
                    .orElseThrow(ForwardErrors::threadNotFound);
            chat = chats.find(threadRoot.chatId()).orElseThrow();
        } else if ("chat_id".equals(receiveIdType)) {
            chat = chats.find(receiveId)
                    .filter(c -> c.tenantPk() == caller.tenantPk() || c.external())
                    .orElseThrow(ForwardErrors::targetChatInvalid);
        } else {
            chat = sending.target(caller, receiveIdType, receiveId);
        }
        var actor = new Actor(caller);
        if (chat.isDissolved()) {
            throw MessageErrors.chatDissolved();
        }
        if (!access.isMember(chat, actor)) {
            throw MessageErrors.botNotInChat();
        }
        if (!moderation.maySpeak(chat, actor)) {
            throw MessageErrors.blockedBySettings();
        }
        return new Destination(chat, threadRoot);
    }

    /** The first message of a thread: its root, which the thread is named after. */
    Optional<Message> threadRoot(String threadId) {
        return messages.pageOfThread(threadId, true, Long.MIN_VALUE, Long.MIN_VALUE, 1).stream()
                .findFirst();
    }

    /** Whether the caller's bot sees the chat a message was posted in. */
    boolean readsChatOf(Caller caller, Message message) {
        if (message.tenantPk() != caller.tenantPk()) {
            return false;
        }
        return chats.find(message.chatId())
                .map(chat -> access.isMember(chat, new Actor(caller)))
                .orElse(false);
    }
}
