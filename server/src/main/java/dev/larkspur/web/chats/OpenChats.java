package dev.larkspur.web.chats;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.directory.User;
import dev.larkspur.platform.Caller;
import dev.larkspur.web.session.SignedIn;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A chat as the person may open it: in their tenant, with an app to act through, and with them in
 * it. Every page and action of one chat starts here, so that a chat the person is not in is the
 * same 404 everywhere (its page, sending, uploads, its resources, its member picker).
 */
@Component
class OpenChats {
    private final PersonCallers callers;
    private final ChatQueries chats;
    private final ChatAccess access;

    OpenChats(PersonCallers callers, ChatQueries chats, ChatAccess access) {
        this.callers = callers;
        this.chats = chats;
        this.access = access;
    }

    /** The open chat, the person as its app's user-token caller, and the name the page shows. */
    record OpenChat(Chat chat, Caller caller, String name) {}

    Optional<OpenChat> open(SignedIn me, String chatId) {
        var chat = chats.find(chatId).filter(c -> c.tenantPk() == me.tenantPk()).orElse(null);
        if (chat == null) {
            return Optional.empty();
        }
        var app = callers.appFor(me, chat).orElse(null);
        if (app == null) {
            return Optional.empty();
        }
        var caller = callers.through(me, app);
        if (!access.isMember(chat, new Actor(caller))) {
            return Optional.empty();
        }
        String name = chat.isPeopleChat()
                ? callers.otherPerson(me, chat).map(User::name).orElse("")
                : chat.isP2p() ? app.name() : chat.settings().name();
        return Optional.of(new OpenChat(chat, caller, name));
    }
}
