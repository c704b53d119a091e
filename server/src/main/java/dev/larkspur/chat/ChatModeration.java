package dev.larkspur.chat;

import dev.larkspur.chat.internal.MemberRepository;
import dev.larkspur.chat.internal.ModeratorRepository;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.event.EventRefs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may speak in a chat (spec/group.md §2.8): everyone, only owner and managers, or a moderator
 * list. Entering {@code moderator_list} mode puts a user owner on the list, since the event doc says
 * the added list "always contains the owner"; leaving the mode empties the list.
 */
@Service
public class ChatModeration {
    static final String ALL_MEMBERS = "all_members";
    static final String ONLY_OWNER = "only_owner";
    static final String MODERATOR_LIST = "moderator_list";
    private static final Set<String> SETTINGS = Set.of(ALL_MEMBERS, ONLY_OWNER, MODERATOR_LIST);

    private final ModeratorRepository moderators;
    private final MemberRepository members;
    private final ChatAccess access;
    private final ChatIds ids;
    private final ChatEvents events;
    private final Clock clock;

    ChatModeration(
            ModeratorRepository moderators,
            MemberRepository members,
            ChatAccess access,
            ChatIds ids,
            ChatEvents events,
            Clock clock) {
        this.moderators = moderators;
        this.members = members;
        this.access = access;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Whether the actor may post in the chat under its moderation setting: everyone, only the
     * owner and managers, or those plus the listed moderators. P2p chats are never moderated.
     */
    public boolean maySpeak(Chat chat, Actor actor) {
        String setting = chat.settings().moderationPermission();
        if (chat.isP2p() || ALL_MEMBERS.equals(setting) || access.isPrivileged(chat, actor)) {
            return true;
        }
        return MODERATOR_LIST.equals(setting)
                && actor.isUser()
                && moderators.userPks(chat.pk()).contains(actor.userPk());
    }

    /** One moderator as listed: its id in the requested type and its tenant. */
    public record Moderator(String userId, String tenantKey) {}

    /** {@code items} is null unless the chat is in {@code moderator_list} mode. */
    public record ModerationPage(String moderationSetting, List<Moderator> items, boolean hasMore, String pageToken) {}

    /** What an update asks for; null fields leave that part alone. */
    public record ModerationChange(String moderationSetting, List<String> addedIds, List<String> removedIds) {}

    @Transactional(readOnly = true)
    public ModerationPage get(Actor actor, String chatId, UserIdType idType, String pageToken, Integer pageSize) {
        int size = ChatPaging.size(pageSize);
        var chat = access.load(chatId, actor);
        access.requireMember(chat, actor);
        String setting = chat.settings().moderationPermission();
        if (!MODERATOR_LIST.equals(setting)) {
            return new ModerationPage(setting, null, false, null);
        }
        long after = ChatPaging.position(pageToken, "mod", 0)[0];
        var rows = moderators.page(chat.pk(), actor.appPk(), after, size + 1);
        boolean more = rows.size() > size;
        var shown = more ? rows.subList(0, size) : rows;
        var items = shown.stream()
                .map(r -> new Moderator(
                        switch (idType) {
                            case OPEN_ID -> r.openId();
                            case UNION_ID -> r.unionId();
                            case USER_ID -> r.userId();
                        },
                        r.tenantKey()))
                .toList();
        String next = more ? ChatPaging.token("mod", shown.get(size - 1).pk()) : null;
        return new ModerationPage(setting, items, more, next);
    }

    /**
     * Only the owner, or the creator bot with {@code im:chat:operate_as_owner}, may change it
     * (232017); managers may not. Ids that name no member are dropped silently, as on Feishu.
     */
    @Transactional
    public void update(Actor actor, String chatId, UserIdType idType, ModerationChange change) {
        var added = distinct(change.addedIds());
        var removed = distinct(change.removedIds());
        if (!Collections.disjoint(added, removed)) {
            throw ChatErrors.invalidParam("moderator_added_list and moderator_removed_list overlap");
        }
        String requested = change.moderationSetting();
        if (requested != null && !SETTINGS.contains(requested)) {
            throw ChatErrors.invalidParam("invalid moderation_setting: " + requested);
        }
        var chat = access.lock(chatId, actor);
        access.requireGroupMode(chat);
        access.requireMember(chat, actor);
        if (!actor.owns(chat) && !actor.isCreatorWithOwnerScope(chat)) {
            throw ChatErrors.notOwnerOrCreator();
        }
        String before = chat.settings().moderationPermission();
        String after = requested == null ? before : requested;
        moderators.purgeDeparted(chat.pk());
        var current = new LinkedHashSet<>(moderators.userPks(chat.pk()));
        var adding = new ArrayList<Long>();
        var removing = new ArrayList<Long>();
        if (MODERATOR_LIST.equals(after)) {
            if (!MODERATOR_LIST.equals(before) && chat.ownerUserPk() != null) {
                adding.add(chat.ownerUserPk());
            }
            for (long pk : membersNamed(actor, chat, idType, added)) {
                if (!current.contains(pk) && !adding.contains(pk)) {
                    adding.add(pk);
                }
            }
            for (long pk : membersNamed(actor, chat, idType, removed)) {
                if (current.contains(pk) && !Long.valueOf(pk).equals(chat.ownerUserPk())) {
                    removing.add(pk);
                }
            }
            adding.removeAll(current);
        } else {
            removing.addAll(current);
        }
        if (!before.equals(after)) {
            moderators.setModerationPermission(chat.pk(), after);
        }
        if (MODERATOR_LIST.equals(after)) {
            moderators.remove(chat.pk(), removing);
        } else {
            moderators.clear(chat.pk());
        }
        moderators.add(chat.pk(), adding, clock.millis());
        if (!before.equals(after) || !adding.isEmpty() || !removing.isEmpty()) {
            announce(chat, actor, before, after, adding, removing);
        }
    }

    /** Member users among the ids given, in the order given; unknown ids and non-members are left out. */
    private List<Long> membersNamed(Actor actor, Chat chat, UserIdType idType, Collection<String> given) {
        if (given.isEmpty()) {
            return List.of();
        }
        var found = ids.users(actor.caller(), idType, given);
        var inChat = members.existingUsers(
                chat.pk(), found.values().stream().map(User::pk).toList());
        return given.stream()
                .map(found::get)
                .filter(user -> user != null && inChat.contains(user.pk()))
                .map(User::pk)
                .distinct()
                .toList();
    }

    private void announce(Chat chat, Actor actor, String before, String after, List<Long> added, List<Long> removed) {
        boolean settingChanged = !before.equals(after);
        ChatEvents.ModeratorList list = null;
        if (!added.isEmpty() || !removed.isEmpty()) {
            var all = new ArrayList<>(added);
            all.addAll(removed);
            var tenantKeys = moderators.tenantKeys(all);
            list = new ChatEvents.ModeratorList(eventEntries(added, tenantKeys), eventEntries(removed, tenantKeys));
        }
        events.updated(
                chat,
                actor,
                settingChanged ? ChatChange.moderation(before) : ChatChange.NONE,
                settingChanged ? ChatChange.moderation(after) : ChatChange.NONE,
                list);
    }

    private static List<ChatEvents.Moderator> eventEntries(List<Long> userPks, Map<Long, String> tenantKeys) {
        return userPks.stream()
                .map(pk -> new ChatEvents.Moderator(tenantKeys.getOrDefault(pk, ""), EventRefs.user(pk)))
                .toList();
    }

    private static Set<String> distinct(List<String> given) {
        return given == null ? Set.of() : new LinkedHashSet<>(given);
    }
}
