package dev.larkspur.chat;

import dev.larkspur.chat.internal.MemberRepository;
import dev.larkspur.directory.App;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is in a chat and who manages it (spec/group.md §2.10, §2.14). */
@Service
public class ChatRoster {
    static final int MAX_MANAGERS = 10;
    private final MemberRepository members;
    private final ChatAccess access;
    private final ChatIds ids;

    ChatRoster(MemberRepository members, ChatAccess access, ChatIds ids) {
        this.members = members;
        this.access = access;
        this.ids = ids;
    }

    /** One user member as listed: its id in the requested type, name and tenant. */
    public record Listed(String memberId, String name, String tenantKey) {}

    public record MemberPage(List<Listed> items, boolean hasMore, String pageToken, int memberTotal) {}

    /** The current managers: users in the requested id type (open_id for app_id), bots by app_id. */
    public record Managers(List<String> chatManagers, List<String> chatBotManagers) {}

    /**
     * A page of the chat's users (bots are never listed), by key: each page costs the same however
     * deep it is.
     */
    @Transactional(readOnly = true)
    public MemberPage list(Actor actor, String chatId, UserIdType idType, String pageToken, Integer pageSize) {
        int size = ChatPaging.size(pageSize);
        var chat = access.load(chatId, actor);
        access.requireMember(chat, actor);
        long after = ChatPaging.position(pageToken, "m", 0)[0];
        var rows = members.pageUsers(chat.pk(), actor.appPk(), after, size + 1);
        boolean more = rows.size() > size;
        var shown = more ? rows.subList(0, size) : rows;
        var items = shown.stream()
                .map(r -> new Listed(
                        switch (idType) {
                            case OPEN_ID -> r.openId();
                            case UNION_ID -> r.unionId();
                            case USER_ID -> r.userId();
                        },
                        r.name(),
                        r.tenantKey()))
                .toList();
        String next = more ? ChatPaging.token("m", shown.get(size - 1).pk()) : null;
        return new MemberPage(items, more, next, chat.userCount());
    }

    /**
     * The app pks of the chat's bots, for a member (a person's @mention picker): the Open API lists
     * only users, yet a member sees the bots of the chat it is in.
     */
    @Transactional(readOnly = true)
    public List<Long> bots(Actor actor, String chatId) {
        var chat = access.load(chatId, actor);
        access.requireMember(chat, actor);
        return members.botAppPks(chat.pk());
    }

    /** The app_ids of the chat's bots, in the order they joined (the member list never shows them). */
    @Transactional(readOnly = true)
    public List<String> botAppIds(Actor actor, String chatId) {
        var pks = bots(actor, chatId);
        var appIds = ids.appIds(pks);
        return pks.stream().map(appIds::get).filter(Objects::nonNull).toList();
    }

    @Transactional
    public Managers addManagers(Actor actor, String chatId, MemberIdType idType, List<String> managerIds) {
        return changeManagers(actor, chatId, idType, managerIds, true);
    }

    @Transactional
    public Managers deleteManagers(Actor actor, String chatId, MemberIdType idType, List<String> managerIds) {
        return changeManagers(actor, chatId, idType, managerIds, false);
    }

    private Managers changeManagers(
            Actor actor, String chatId, MemberIdType idType, List<String> managerIds, boolean add) {
        var wanted = new ArrayList<>(new LinkedHashSet<>(managerIds == null ? List.<String>of() : managerIds));
        if (wanted.isEmpty()) {
            throw ChatErrors.noValidMembers();
        }
        if (wanted.size() > (idType.appId() ? ChatMembers.MAX_BOTS_PER_CALL : ChatMembers.MAX_USERS_PER_CALL)) {
            throw ChatErrors.invalidParam("manager_ids is too long");
        }
        var chat = access.lock(chatId, actor);
        access.requireGroupMode(chat);
        access.requireMember(chat, actor);
        if (!actor.owns(chat)) {
            throw ChatErrors.notOwner();
        }
        List<Long> pks;
        if (idType.appId()) {
            var apps = ids.bots(actor.caller(), wanted).values().stream()
                    .map(App::pk)
                    .toList();
            pks = new ArrayList<>(members.existingBots(chat.pk(), apps));
        } else {
            var users = ids.users(actor.caller(), idType.userIdType(), wanted).values().stream()
                    .map(User::pk)
                    .toList();
            pks = new ArrayList<>(members.existingUsers(chat.pk(), users));
        }
        if (pks.isEmpty()) {
            throw ChatErrors.noValidMembers();
        }
        String column = idType.appId() ? "app_id" : "user_id";
        if (add) {
            var current = members.managers(chat.pk());
            long adding = pks.stream()
                    .filter(pk -> current.stream()
                            .noneMatch(m -> Objects.equals(idType.appId() ? m.appPk() : m.userPk(), pk)))
                    .count();
            if (current.size() + adding > MAX_MANAGERS) {
                throw ChatErrors.managerLimit();
            }
        }
        members.setManager(chat.pk(), column, pks, add);
        var now = members.managers(chat.pk());
        var userPks = now.stream()
                .map(MemberRepository.Member::userPk)
                .filter(Objects::nonNull)
                .toList();
        var botPks = now.stream()
                .map(MemberRepository.Member::appPk)
                .filter(Objects::nonNull)
                .toList();
        var shownType = idType.appId() ? UserIdType.OPEN_ID : idType.userIdType();
        var userIds = ids.idsOf(actor.caller(), ids.usersByPk(userPks), shownType);
        var appIds = ids.appIds(botPks);
        return new Managers(
                userPks.stream().map(userIds::get).toList(),
                botPks.stream().map(appIds::get).toList());
    }
}
