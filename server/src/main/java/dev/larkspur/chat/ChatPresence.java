package dev.larkspur.chat;

import dev.larkspur.chat.internal.MemberRepository;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which people are in a chat, for other modules' rules that address members by name (an urgent
 * notification reaches only people in the message's chat).
 */
@Component
public class ChatPresence {
    private final MemberRepository members;

    ChatPresence(MemberRepository members) {
        this.members = members;
    }

    /** The subset of {@code userPks} that are members of the chat, in one query. */
    public Set<Long> usersIn(Chat chat, Collection<Long> userPks) {
        return members.existingUsers(chat.pk(), userPks);
    }
}
