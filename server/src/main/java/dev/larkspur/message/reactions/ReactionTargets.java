package dev.larkspur.message.reactions;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.message.Message;
import dev.larkspur.message.MessageErrors;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The message a reaction call is about, checked for the caller with the reaction codes: the app has
 * its bot ability, the message exists in the caller's tenant, its chat is not dissolved, the caller
 * is in that chat ({@code outsider} says with which code) and the message is not recalled.
 */
@Component
public class ReactionTargets {
    private final MessageRepository messages;
    private final ChatQueries chats;
    private final ChatAccess access;

    ReactionTargets(MessageRepository messages, ChatQueries chats, ChatAccess access) {
        this.messages = messages;
        this.chats = chats;
        this.access = access;
    }

    public Message byId(Caller caller, String messageId, Supplier<FeishuException> outsider) {
        return check(caller, messages.findByMessageId(messageId == null ? "" : messageId), outsider);
    }

    public Message byPk(Caller caller, long messagePk, Supplier<FeishuException> outsider) {
        return check(caller, messages.findByPk(messagePk), outsider);
    }

    private Message check(Caller caller, Optional<Message> found, Supplier<FeishuException> outsider) {
        if (!caller.botEnabled()) {
            throw MessageErrors.botAbilityOff();
        }
        var message = found.orElseThrow(ReactionErrors::messageNotFound);
        if (message.tenantPk() != caller.tenantPk()) {
            throw ReactionErrors.invisible();
        }
        var chat = chats.find(message.chatId()).orElseThrow(ReactionErrors::chatNotFound);
        if (chat.isDissolved()) {
            throw MessageErrors.chatDissolved();
        }
        // Membership before recall, so that outsiders learn nothing about the message.
        if (!access.isMember(chat, new Actor(caller))) {
            throw outsider.get();
        }
        if (message.deleted()) {
            throw ReactionErrors.messageNotFound();
        }
        return message;
    }
}
