package dev.larkspur.chat;

import dev.larkspur.chat.internal.ChatRepository;
import dev.larkspur.chat.internal.MemberRepository;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.event.EventRefs;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changing and disbanding chats (spec/group.md §2.5, §2.6), each with its event. */
@Service
public class ChatUpdates {
    /** What an ordinary member may change when {@code edit_permission=all_members}. */
    private static final Set<String> MEMBER_EDITABLE = Set.of("avatar", "name", "description", "i18n_names");

    private final ChatRepository chats;
    private final MemberRepository members;
    private final ChatAccess access;
    private final ChatIds ids;
    private final ChatEvents events;

    ChatUpdates(ChatRepository chats, MemberRepository members, ChatAccess access, ChatIds ids, ChatEvents events) {
        this.chats = chats;
        this.members = members;
        this.access = access;
        this.ids = ids;
        this.events = events;
    }

    /** A partial update: null fields stay as they are, despite the PUT. */
    @Transactional
    public void update(Actor actor, String chatId, UserIdType idType, ChatSettings patch, String newOwnerId) {
        var chat = access.lock(chatId, actor);
        if (!Chat.GROUP.equals(chat.chatMode())) {
            throw ChatErrors.chatTypeNotSupported();
        }
        access.requireMember(chat, actor);
        var next = SettingRules.merge(chat.settings(), patch);
        var changed = ChatChange.changedFields(chat.settings(), next);
        Map<String, Object> ownerBefore = null;
        Map<String, Object> ownerAfter = null;
        Long ownerUser = chat.ownerUserPk();
        Long ownerApp = chat.ownerAppPk();
        if (newOwnerId != null) {
            var found = ids.users(actor.caller(), idType, List.of(newOwnerId)).get(newOwnerId);
            if (found == null) {
                throw ChatErrors.invalidOwnerId();
            }
            if (members.findUser(chat.pk(), found.pk()).isEmpty()) {
                throw ChatErrors.newOwnerNotInChat();
            }
            if (!Objects.equals(found.pk(), chat.ownerUserPk())) {
                changed.add("owner_id");
                ownerBefore = ownerRef(chat);
                ownerAfter = EventRefs.user(found.pk());
                ownerUser = found.pk();
                ownerApp = null;
            }
        }
        if (!access.isPrivileged(chat, actor)) {
            if (chat.settings().editPermission().equals("only_owner")) {
                throw ChatErrors.editOnlyOwner();
            }
            if (!MEMBER_EDITABLE.containsAll(changed)) {
                throw ChatErrors.memberEditsLimited();
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        var updated = chat.withSettings(next).withOwner(ownerUser, ownerApp);
        chats.updateSettings(updated);
        var before = ChatChange.of(chat.settings(), next, ownerBefore);
        var after = ChatChange.of(next, chat.settings(), ownerAfter);
        // Only settings the event leaves out (chat_type, urgent_setting, ...) changed: no event.
        if (!before.isEmpty() || !after.isEmpty()) {
            events.updated(updated, actor, before, after, null);
        }
    }

    @Transactional
    public void disband(Actor actor, String chatId) {
        var chat = access.lock(chatId, actor);
        if (!Chat.GROUP.equals(chat.chatMode())) {
            throw ChatErrors.chatTypeNotSupported();
        }
        access.requireMember(chat, actor);
        if (!actor.owns(chat) && !actor.isCreatorWithOwnerScope(chat)) {
            throw ChatErrors.notOwnerOrCreator();
        }
        chats.setStatus(chat.pk(), "dissolved");
        events.disbanded(chat, actor);
    }

    private static Map<String, Object> ownerRef(Chat chat) {
        return chat.ownerUserPk() != null ? EventRefs.user(chat.ownerUserPk()) : EventRefs.bot(chat.ownerAppPk());
    }
}
