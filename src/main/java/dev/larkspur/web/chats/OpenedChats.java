package dev.larkspur.web.chats;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.message.Message;
import dev.larkspur.message.MessageQueries;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.web.session.SignedIn;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A chat (and one of its messages) as the person may open it: in their tenant, with an app to act
 * through, and the person in it. Anything else is empty, which the pages answer with 404.
 */
@Component
class OpenedChats {
    private final PersonCallers callers;
    private final ChatQueries chats;
    private final ChatAccess access;
    private final MessageQueries messages;

    OpenedChats(PersonCallers callers, ChatQueries chats, ChatAccess access, MessageQueries messages) {
        this.callers = callers;
        this.chats = chats;
        this.access = access;
        this.messages = messages;
    }

    /** An open chat and the person acting in it. */
    record Opened(Chat chat, Caller caller) {}

    Optional<Opened> open(SignedIn me, String chatId) {
        var chat = chats.find(chatId).filter(c -> c.tenantPk() == me.tenantPk()).orElse(null);
        var app = chat == null ? null : callers.appFor(me, chat).orElse(null);
        if (app == null) {
            return Optional.empty();
        }
        var caller = callers.through(me, app);
        return access.isMember(chat, new Actor(caller)) ? Optional.of(new Opened(chat, caller)) : Optional.empty();
    }

    /** A message of that chat, read as the person; one of another chat is not found here. */
    Optional<Message> message(Opened opened, String messageId) {
        try {
            return Optional.of(messages.get(opened.caller(), messageId))
                    .filter(m -> m.chatId().equals(opened.chat().chatId()));
        } catch (FeishuException e) {
            return Optional.empty();
        }
    }
}
