package dev.larkspur.web.groups;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.web.chats.PersonCallers;
import dev.larkspur.web.session.SignedIn;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The person as the actor on one of their groups. A chat that is not a group of their tenant, or
 * that they are not in, is absent: the pages answer 404 as if it did not exist.
 */
@Component
class GroupActors {
    private final PersonCallers callers;
    private final ChatQueries chats;
    private final ChatAccess access;

    GroupActors(PersonCallers callers, ChatQueries chats, ChatAccess access) {
        this.callers = callers;
        this.chats = chats;
        this.access = access;
    }

    /** A group and the person acting on it. */
    record Group(Chat chat, Actor actor) {
        String chatId() {
            return chat.chatId();
        }
    }

    Optional<Group> open(SignedIn me, String chatId) {
        return chats.find(chatId)
                .filter(c -> c.tenantPk() == me.tenantPk() && !c.isP2p() && !c.isDissolved())
                .flatMap(chat -> callers.appFor(me, chat)
                        .map(app -> new Group(chat, new Actor(callers.through(me, app))))
                        .filter(g -> access.isMember(chat, g.actor())));
    }

    /** The person acting through the tenant's first bot app, for what is not yet about one chat. */
    Optional<Actor> person(SignedIn me) {
        return callers.bots(me).stream().findFirst().map(app -> new Actor(callers.through(me, app)));
    }
}
