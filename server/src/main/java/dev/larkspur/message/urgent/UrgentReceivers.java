package dev.larkspur.message.urgent;

import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatPresence;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who an urgent notification reaches (spec/message.md §3.13): people the bot names who are in the
 * message's chat. Unknown ids, people outside the chat and people who have left are reported back.
 */
@Component
class UrgentReceivers {
    private final UserService users;
    private final ChatPresence presence;

    UrgentReceivers(UserService users, ChatPresence presence) {
        this.users = users;
        this.presence = presence;
    }

    /** The people reached, by user pk, and the ids that reach no one, in the order given. */
    record Split(Map<Long, String> reached, List<String> invalid) {}

    Split split(Caller caller, Chat chat, UserIdType idType, List<String> ids) {
        var distinct = new LinkedHashSet<>(ids);
        Map<String, User> named = users.resolveAll(caller.appPk(), caller.tenantPk(), idType, distinct);
        var present = presence.usersIn(
                chat,
                named.values().stream().filter(u -> !u.resigned()).map(User::pk).toList());
        var reached = new LinkedHashMap<Long, String>();
        var invalid = new ArrayList<String>();
        for (String id : distinct) {
            var user = named.get(id);
            if (user != null && present.contains(user.pk())) {
                reached.put(user.pk(), id);
            } else {
                invalid.add(id);
            }
        }
        return new Split(reached, invalid);
    }
}
