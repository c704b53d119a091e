package dev.larkspur.chat;

import dev.larkspur.chat.internal.MemberRepository;
import dev.larkspur.event.ChatBots;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells event fan-out which bots are in a chat. */
@Component
class ChatBotsOfChat implements ChatBots {
    private final MemberRepository members;

    ChatBotsOfChat(MemberRepository members) {
        this.members = members;
    }

    @Override
    public List<Long> botsIn(long chatPk) {
        return members.botAppPks(chatPk);
    }
}
