package dev.larkspur.web.chats;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.chat.P2pChats;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.web.chats.LiveWatcher.Watched;
import dev.larkspur.web.session.SignedIn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The chats a person's stream watches: those the chat list shows, each with the caller that reads it. */
@Component
class LiveChats {
    private final PersonCallers callers;
    private final ChatQueries chats;
    private final P2pChats p2p;

    LiveChats(PersonCallers callers, ChatQueries chats, P2pChats p2p) {
        this.callers = callers;
        this.chats = chats;
        this.p2p = p2p;
    }

    /** The person's chats as of now: groups, chats with people, chats with bots. */
    Map<Long, Watched> of(SignedIn me) {
        var found = new HashMap<Long, Watched>();
        var bots = callers.bots(me);
        if (bots.isEmpty()) {
            return found;
        }
        var listed = new ArrayList<Chat>();
        var actor = new Actor(callers.through(me, bots.get(0)));
        for (var info : chats.list(actor, UserIdType.OPEN_ID, "ByActiveTimeDesc", null, ChatListController.GROUPS)
                .items()) {
            listed.add(info.chat());
        }
        for (var bot : bots) {
            p2p.find(bot.pk(), me.userPk()).ifPresent(listed::add);
        }
        for (var chat : listed) {
            watched(me, chat).ifPresent(w -> found.put(w.chatPk(), w));
        }
        return found;
    }

    /** A chat the person has just joined, or whose first message just came (a p2p chat). */
    Optional<Watched> joined(SignedIn me, String chatId) {
        return chats.find(chatId).filter(c -> c.tenantPk() == me.tenantPk()).flatMap(c -> watched(me, c));
    }

    /** Whether the person is one of a p2p chat's pair (no query: the pair is on the chat). */
    static boolean inPair(SignedIn me, Chat chat) {
        return chat.isP2p()
                && (Long.valueOf(me.userPk()).equals(chat.p2pUserPk())
                        || Long.valueOf(me.userPk()).equals(chat.p2pPeerUserPk()));
    }

    Optional<Chat> find(String chatId) {
        return chats.find(chatId);
    }

    private Optional<Watched> watched(SignedIn me, Chat chat) {
        return callers.appFor(me, chat).map(app -> new Watched(chat.pk(), chat.chatId(), callers.through(me, app)));
    }
}
