package dev.larkspur.chat;

import dev.larkspur.chat.internal.ChatRepository;
import dev.larkspur.chat.internal.MemberRepository;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The preconditions almost every chat endpoint shares (spec/group.md §1.7): a bot needs its bot
 * ability, the chat must exist (232006), be of the caller's tenant (232010) and not be dissolved
 * (232009); and the roles that unlock privileged operations.
 */
@Component
public class ChatAccess {
    private static final Pattern CHAT_ID = Pattern.compile("oc_[0-9a-f]{32}");
    private final ChatRepository chats;
    private final MemberRepository members;

    ChatAccess(ChatRepository chats, MemberRepository members) {
        this.chats = chats;
        this.members = members;
    }

    /** The chat, checked for the actor; dissolved chats are refused. */
    public Chat load(String chatId, Actor actor) {
        return check(find(chatId, actor, false), actor);
    }

    /** As {@link #load}, and locks the chat row until the transaction ends. */
    public Chat lock(String chatId, Actor actor) {
        return check(find(chatId, actor, true), actor);
    }

    private Chat find(String chatId, Actor actor, boolean lock) {
        if (!actor.isUser() && !actor.caller().botEnabled()) {
            throw ChatErrors.botAbilityOff();
        }
        if (chatId == null || !CHAT_ID.matcher(chatId).matches()) {
            throw ChatErrors.invalidChatId();
        }
        var chat =
                (lock ? chats.lockByChatId(chatId) : chats.findByChatId(chatId)).orElseThrow(ChatErrors::invalidChatId);
        if (chat.tenantPk() != actor.caller().tenantPk() && !chat.external()) {
            throw ChatErrors.otherTenant();
        }
        return chat;
    }

    private static Chat check(Chat chat, Actor actor) {
        if (chat.isDissolved()) {
            throw ChatErrors.dissolved();
        }
        return chat;
    }

    public boolean isMember(Chat chat, Actor actor) {
        return actor.isUser()
                ? members.findUser(chat.pk(), actor.userPk()).isPresent()
                : members.findBot(chat.pk(), actor.appPk()).isPresent();
    }

    public void requireMember(Chat chat, Actor actor) {
        if (!isMember(chat, actor)) {
            throw ChatErrors.notInChat();
        }
    }

    public boolean isManager(Chat chat, Actor actor) {
        var member = actor.isUser()
                ? members.findUser(chat.pk(), actor.userPk())
                : members.findBot(chat.pk(), actor.appPk());
        return member.map(MemberRepository.Member::manager).orElse(false);
    }

    /** Owner, manager, or the creator bot with {@code im:chat:operate_as_owner}. */
    public boolean isPrivileged(Chat chat, Actor actor) {
        return actor.owns(chat) || actor.isCreatorWithOwnerScope(chat) || isManager(chat, actor);
    }

    public void requireGroupMode(Chat chat) {
        if (!Chat.GROUP.equals(chat.chatMode()) && !Chat.TOPIC.equals(chat.chatMode())) {
            throw ChatErrors.chatTypeNotSupported();
        }
    }
}
