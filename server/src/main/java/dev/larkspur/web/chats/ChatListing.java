package dev.larkspur.web.chats;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.chat.P2pChats;
import dev.larkspur.directory.App;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.message.MessageReads;
import dev.larkspur.web.session.SignedIn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The lines of a person's chat list: their groups and chats with other people (the chat API's
 * list, by activity), their bots' chats, each named and with its unread count. A page costs a
 * fixed number of queries whatever its size: the chats, the other people's names, the counts.
 */
@Component
class ChatListing {
    /** The chats shown: the chat API's largest page. */
    static final int PAGE = 100;
    /** How far a search by name looks: a person's first thousand chats by activity. */
    static final int SEARCHED_PAGES = 10;
    /** Counts stop here; the list shows "99+". */
    static final int UNREAD_CAP = 100;

    private final PersonCallers callers;
    private final ChatQueries chats;
    private final P2pChats p2p;
    private final MessageReads reads;

    ChatListing(PersonCallers callers, ChatQueries chats, P2pChats p2p, MessageReads reads) {
        this.callers = callers;
        this.chats = chats;
        this.p2p = p2p;
        this.reads = reads;
    }

    /** One line of the list; {@code kind} is group, person or bot. */
    record ChatRow(String chatId, String name, String kind, long lastActiveAt, int unread) {
        public String unreadLabel() {
            return unread >= UNREAD_CAP ? "99+" : String.valueOf(unread);
        }
    }

    /**
     * The person's chats by latest activity, or those whose name contains {@code query}
     * (case-insensitive; a chat with a person is named after them, a bot's chat after the bot).
     */
    List<ChatRow> rows(SignedIn me, List<App> bots, String query) {
        if (bots.isEmpty()) {
            return List.of();
        }
        var person = callers.through(me, bots.get(0));
        var found = new ArrayList<Chat>();
        String token = null;
        int pages = query.isEmpty() ? 1 : SEARCHED_PAGES;
        for (int i = 0; i < pages; i++) {
            var page = chats.list(new Actor(person), UserIdType.OPEN_ID, "ByActiveTimeDesc", token, PAGE);
            page.items().forEach(info -> found.add(info.chat()));
            if (!page.hasMore()) {
                break;
            }
            token = page.pageToken();
        }
        var names = new HashMap<Long, String>();
        for (User u : callers.users(found.stream()
                .filter(Chat::isPeopleChat)
                .map(c -> other(me, c))
                .distinct()
                .toList())) {
            names.put(u.pk(), u.name());
        }
        var lines = new ArrayList<Line>();
        for (var chat : found) {
            if (chat.isPeopleChat()) {
                lines.add(new Line(chat, names.getOrDefault(other(me, chat), ""), "person"));
            } else {
                lines.add(new Line(chat, chat.settings().name(), "group"));
            }
        }
        for (var bot : bots) {
            p2p.find(bot.pk(), me.userPk()).ifPresent(chat -> lines.add(new Line(chat, bot.name(), "bot")));
        }
        String needle = query.toLowerCase(Locale.ROOT);
        var shown = lines.stream()
                .filter(l ->
                        needle.isEmpty() || l.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparingLong((Line l) -> l.chat().lastActiveAt())
                        .reversed())
                .limit(PAGE)
                .toList();
        var unread = reads.unreadCounts(
                person, shown.stream().map(l -> l.chat().pk()).toList(), UNREAD_CAP);
        return shown.stream()
                .map(l -> new ChatRow(
                        l.chat().chatId(),
                        l.name(),
                        l.kind(),
                        l.chat().lastActiveAt(),
                        unread.getOrDefault(l.chat().pk(), 0)))
                .toList();
    }

    private record Line(Chat chat, String name, String kind) {
        Line {
            name = Objects.requireNonNullElse(name, "");
        }
    }

    private static long other(SignedIn me, Chat chat) {
        return chat.p2pUserPk() == me.userPk() ? chat.p2pPeerUserPk() : chat.p2pUserPk();
    }
}
