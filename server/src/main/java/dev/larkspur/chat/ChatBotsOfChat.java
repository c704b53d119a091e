package dev.larkspur.chat;

import dev.larkspur.chat.internal.ChatRepository;
import dev.larkspur.chat.internal.MemberRepository;
import dev.larkspur.event.ChatBots;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells event fan-out which bots are in a chat, and which chats no bot may see. */
@Component
class ChatBotsOfChat implements ChatBots {
    private final MemberRepository members;
    private final ChatRepository chats;

    ChatBotsOfChat(MemberRepository members, ChatRepository chats) {
        this.members = members;
        this.chats = chats;
    }

    @Override
    public List<Long> botsIn(long chatPk) {
        return members.botAppPks(chatPk);
    }

    @Override
    public boolean hiddenFromBots(long chatPk) {
        return chats.findByPk(chatPk).map(Chat::isPeopleChat).orElse(false);
    }
}
