package dev.larkspur.chat;

import dev.larkspur.chat.internal.ChatRepository;
import dev.larkspur.chat.internal.MemberRepository;
import dev.larkspur.chat.members.MemberChanges;
import dev.larkspur.directory.App;
import dev.larkspur.directory.User;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding people and bots to chats, removing them, and joining public chats (spec/group.md
 * §2.11–2.13). Every change locks the chat row, so concurrent calls on one chat serialise and the
 * member counts stay exact.
 */
@Service
public class ChatMembers {
    static final int MAX_USERS_PER_CALL = 50;
    static final int MAX_BOTS_PER_CALL = 5;
    public static final int MAX_BOTS_PER_CHAT = 15;

    private final ChatRepository chats;
    private final MemberRepository members;
    private final ChatAccess access;
    private final ChatIds ids;
    private final ChatEvents events;
    private final Clock clock;
    private final int maxMembers;

    ChatMembers(
            ChatRepository chats,
            MemberRepository members,
            ChatAccess access,
            ChatIds ids,
            ChatEvents events,
            ChatProperties props,
            Clock clock) {
        this.chats = chats;
        this.members = members;
        this.access = access;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
        this.maxMembers = props.maxMembers();
    }

    @Transactional
    public MemberChanges add(Actor actor, String chatId, MemberIdType idType, int succeedType, List<String> idList) {
        if (succeedType < 0 || succeedType > 2) {
            throw ChatErrors.invalidParam("succeed_type must be 0, 1 or 2");
        }
        var wanted = new ArrayList<>(new LinkedHashSet<>(idList == null ? List.<String>of() : idList));
        if (wanted.isEmpty()) {
            throw ChatErrors.noValidMembers();
        }
        var chat = access.lock(chatId, actor);
        access.requireGroupMode(chat);
        access.requireMember(chat, actor);
        if (chat.settings().addMemberPermission().equals("only_owner") && !access.isPrivileged(chat, actor)) {
            throw ChatErrors.notOwnerOrCreator();
        }
        return idType.appId()
                ? addBots(actor, chat, succeedType, wanted)
                : addUsers(actor, chat, idType, succeedType, wanted);
    }

    private MemberChanges addUsers(Actor actor, Chat chat, MemberIdType idType, int succeedType, List<String> wanted) {
        if (wanted.size() > MAX_USERS_PER_CALL) {
            throw ChatErrors.invalidParam("id_list has more than 50 users");
        }
        var found = ids.users(actor.caller(), idType.userIdType(), wanted);
        var notExisted = wanted.stream().filter(id -> !found.containsKey(id)).toList();
        var invalid = wanted.stream()
                .filter(found::containsKey)
                .filter(id -> found.get(id).resigned())
                .toList();
        if (!notExisted.isEmpty() && succeedType == 0) {
            throw ChatErrors.idsNotExisted(idType.userIdType(), notExisted);
        }
        if ((!notExisted.isEmpty() || !invalid.isEmpty()) && succeedType == 2) {
            var unusable = new ArrayList<>(notExisted);
            unusable.addAll(invalid);
            throw ChatErrors.unavailableIds("unavailable ids: " + unusable);
        }
        var usableIds = wanted.stream()
                .filter(found::containsKey)
                .filter(id -> !invalid.contains(id))
                .toList();
        if (needsApproval(chat, actor)) {
            return new MemberChanges(invalid, notExisted, usableIds);
        }
        var usable = usableIds.stream().map(found::get).toList();
        var already =
                members.existingUsers(chat.pk(), usable.stream().map(User::pk).toList());
        var joining = usable.stream().filter(u -> !already.contains(u.pk())).toList();
        if (chat.userCount() + joining.size() > maxMembers) {
            throw ChatErrors.memberLimit();
        }
        if (!joining.isEmpty()) {
            members.insertUsers(chat.pk(), joining.stream().map(User::pk).toList(), clock.millis());
            chats.addToCounts(chat.pk(), joining.size(), 0);
            events.usersAdded(chat, actor, joining);
        }
        return new MemberChanges(invalid, succeedType == 1 ? notExisted : List.of(), List.of());
    }

    private MemberChanges addBots(Actor actor, Chat chat, int succeedType, List<String> wanted) {
        if (wanted.size() > MAX_BOTS_PER_CALL) {
            throw ChatErrors.invalidParam("id_list has more than 5 bots");
        }
        var found = ids.bots(actor.caller(), wanted);
        var notExisted = wanted.stream().filter(id -> !found.containsKey(id)).toList();
        if (!notExisted.isEmpty() && succeedType != 1) {
            throw ChatErrors.unavailableIds("bot ids not found: " + notExisted);
        }
        var appPks = found.values().stream().map(App::pk).toList();
        var already = members.existingBots(chat.pk(), appPks);
        var joining = appPks.stream().filter(pk -> !already.contains(pk)).toList();
        if (chat.botCount() + joining.size() > MAX_BOTS_PER_CHAT) {
            throw ChatErrors.invalidParam("a chat holds at most 15 bots");
        }
        if (!joining.isEmpty()) {
            members.insertBots(chat.pk(), joining, clock.millis());
            chats.addToCounts(chat.pk(), 0, joining.size());
            events.botsAdded(chat, actor, joining);
        }
        return new MemberChanges(List.of(), notExisted, List.of());
    }

    /** Removes others (owner, managers, creator bot with the scope) or oneself (anyone). */
    @Transactional
    public List<String> remove(Actor actor, String chatId, MemberIdType idType, List<String> idList) {
        var wanted = new ArrayList<>(new LinkedHashSet<>(idList == null ? List.<String>of() : idList));
        if (wanted.isEmpty()) {
            throw ChatErrors.noValidMembers();
        }
        if (wanted.size() > (idType.appId() ? MAX_BOTS_PER_CALL : MAX_USERS_PER_CALL)) {
            throw ChatErrors.invalidParam("id_list is too long");
        }
        var chat = access.lock(chatId, actor);
        access.requireGroupMode(chat);
        access.requireMember(chat, actor);
        boolean privileged = access.isPrivileged(chat, actor);
        var invalid = new ArrayList<String>();
        if (idType.appId()) {
            var found = ids.bots(actor.caller(), wanted);
            var inChat = members.existingBots(
                    chat.pk(), found.values().stream().map(App::pk).toList());
            var leaving = new ArrayList<Long>();
            for (String id : wanted) {
                var app = found.get(id);
                if (app == null || !inChat.contains(app.pk())) {
                    invalid.add(id);
                } else {
                    leaving.add(app.pk());
                }
            }
            boolean onlySelf = leaving.stream().allMatch(pk -> !actor.isUser() && pk == actor.appPk());
            if (!privileged && !onlySelf) {
                throw ChatErrors.tokenLacksPermission();
            }
            if (chat.ownerAppPk() != null && leaving.contains(chat.ownerAppPk())) {
                if (!onlySelf) {
                    throw ChatErrors.cannotKickOwner();
                }
                handOver(chat, Set.of());
            }
            members.deleteBots(chat.pk(), leaving);
            chats.addToCounts(chat.pk(), 0, -leaving.size());
            events.botsDeleted(chat, actor, leaving);
        } else {
            var found = ids.users(actor.caller(), idType.userIdType(), wanted);
            var inChat = members.existingUsers(
                    chat.pk(), found.values().stream().map(User::pk).toList());
            var leaving = new ArrayList<User>();
            for (String id : wanted) {
                var user = found.get(id);
                if (user == null || !inChat.contains(user.pk())) {
                    invalid.add(id);
                } else {
                    leaving.add(user);
                }
            }
            boolean onlySelf = leaving.stream().allMatch(u -> actor.isUser() && u.pk() == actor.userPk());
            if (!privileged && !onlySelf) {
                throw ChatErrors.tokenLacksPermission();
            }
            var leavingPks = leaving.stream().map(User::pk).toList();
            if (chat.ownerUserPk() != null && leavingPks.contains(chat.ownerUserPk())) {
                if (!onlySelf) {
                    throw ChatErrors.cannotKickOwner();
                }
                handOver(chat, Set.copyOf(leavingPks));
            }
            members.deleteUsers(chat.pk(), leavingPks);
            chats.addToCounts(chat.pk(), -leaving.size(), 0);
            events.usersDeleted(chat, actor, leaving);
        }
        return invalid;
    }

    /** An owner leaving passes the chat to the longest-standing remaining user (else 232029). */
    private void handOver(Chat chat, Set<Long> leavingUsers) {
        var excluded = new LinkedHashSet<>(leavingUsers);
        if (chat.ownerUserPk() != null) {
            excluded.add(chat.ownerUserPk());
        }
        long next = members.oldestUserExcept(chat.pk(), excluded).orElseThrow(ChatErrors::noOwnerCandidate);
        chats.setOwner(chat.pk(), next, null);
    }

    /** The caller itself joins a public chat. */
    @Transactional
    public void meJoin(Actor actor, String chatId) {
        var chat = access.lock(chatId, actor);
        if (!chat.isPublic() || chat.isP2p()) {
            throw ChatErrors.chatTypeNotSupported();
        }
        joinSelf(actor, chat);
    }

    /**
     * The actor joins {@code chat}, locked by the caller, by its own act (a public chat, a share
     * link): nothing happens for a member; a chat that approves its members refuses (232075).
     */
    void joinSelf(Actor actor, Chat chat) {
        if (access.isMember(chat, actor)) {
            return;
        }
        if (chat.settings().membershipApproval().equals("approval_required")) {
            throw ChatErrors.needsApproval();
        }
        long now = clock.millis();
        if (actor.isUser()) {
            if (chat.userCount() + 1 > maxMembers) {
                throw ChatErrors.memberLimit();
            }
            members.insertUsers(chat.pk(), List.of(actor.userPk()), now);
            chats.addToCounts(chat.pk(), 1, 0);
            events.usersAdded(chat, actor, ids.usersByPk(List.of(actor.userPk())));
        } else {
            if (chat.botCount() + 1 > MAX_BOTS_PER_CHAT) {
                throw ChatErrors.invalidParam("a chat holds at most 15 bots");
            }
            members.insertBots(chat.pk(), List.of(actor.appPk()), now);
            chats.addToCounts(chat.pk(), 0, 1);
            events.botsAdded(chat, actor, List.of(actor.appPk()));
        }
    }

    @Transactional(readOnly = true)
    public boolean isInChat(Actor actor, String chatId) {
        var chat = access.load(chatId, actor);
        return access.isMember(chat, actor);
    }

    /** Approval applies when the chat requires it and the inviter is not owner or manager. */
    private boolean needsApproval(Chat chat, Actor actor) {
        return chat.settings().membershipApproval().equals("approval_required") && !access.isPrivileged(chat, actor);
    }
}
