package dev.larkspur.chat;

import dev.larkspur.chat.internal.ChatRepository;
import dev.larkspur.chat.internal.MemberRepository;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading chats: one chat, the caller's chats, and search (spec/group.md §2.2–2.4). */
@Service
public class ChatQueries {
    private final ChatRepository chats;
    private final MemberRepository members;
    private final ChatAccess access;
    private final ChatIds ids;

    ChatQueries(ChatRepository chats, MemberRepository members, ChatAccess access, ChatIds ids) {
        this.chats = chats;
        this.members = members;
        this.access = access;
        this.ids = ids;
    }

    /** A page of chats and the token of the next one (null on the last page). */
    public record ChatPage(List<ChatInfo> items, boolean hasMore, String pageToken) {}

    @Transactional(readOnly = true)
    public ChatInfo get(Actor actor, String chatId, UserIdType idType) {
        var chat = access.load(chatId, actor);
        boolean member = access.isMember(chat, actor);
        if (chat.isP2p() && !member) {
            throw ChatErrors.notInChat();
        }
        return describe(actor, chat, idType, member, true);
    }

    /** For operators: a chat by id, with no caller checks. */
    @Transactional(readOnly = true)
    public java.util.Optional<Chat> find(String chatId) {
        return chats.findByChatId(chatId);
    }

    /**
     * The group chats the caller is in, by creation or by recent activity; for a person also their
     * p2p chats with other people (issue 17: a person's client lists its conversations), though
     * never p2p chats with bots, which Feishu leaves out (spec/group.md §2.3).
     */
    @Transactional(readOnly = true)
    public ChatPage list(Actor actor, UserIdType idType, String sortType, String pageToken, Integer pageSize) {
        requireBot(actor);
        int size = ChatPaging.size(pageSize);
        String column = actor.isUser() ? "user_id" : "app_id";
        long memberPk = actor.isUser() ? actor.userPk() : actor.appPk();
        List<Chat> rows;
        boolean byActivity;
        if (sortType == null || sortType.isBlank() || sortType.equals("ByCreateTimeAsc")) {
            byActivity = false;
            rows = chats.pageByCreation(column, memberPk, ChatPaging.position(pageToken, "c", 0)[0], size + 1);
        } else if (sortType.equals("ByActiveTimeDesc")) {
            byActivity = true;
            long[] at = ChatPaging.position(pageToken, "a", Long.MAX_VALUE, Long.MAX_VALUE);
            rows = chats.pageByActivity(column, memberPk, at[0], at[1], size + 1);
        } else {
            throw ChatErrors.invalidParam("invalid sort_type: " + sortType);
        }
        return page(
                actor,
                idType,
                rows,
                size,
                last -> byActivity
                        ? ChatPaging.token("a", last.lastActiveAt(), last.pk())
                        : ChatPaging.token("c", last.pk()));
    }

    /**
     * Chats the caller is in and public chats, matching {@code query} in their names or a member's
     * name. An empty or over-long query finds nothing, as on Feishu.
     */
    @Transactional(readOnly = true)
    public ChatPage search(Actor actor, UserIdType idType, String query, String pageToken, Integer pageSize) {
        requireBot(actor);
        int size = ChatPaging.size(pageSize);
        if (query == null || query.isBlank() || query.length() > 64) {
            return new ChatPage(List.of(), false, null);
        }
        String column = actor.isUser() ? "user_id" : "app_id";
        long memberPk = actor.isUser() ? actor.userPk() : actor.appPk();
        var rows = chats.search(
                actor.caller().tenantPk(),
                column,
                memberPk,
                query.strip().toLowerCase(),
                ChatPaging.position(pageToken, "s", 0)[0],
                size + 1);
        return page(actor, idType, rows, size, last -> ChatPaging.token("s", last.pk()));
    }

    private ChatPage page(Actor actor, UserIdType idType, List<Chat> rows, int size, Function<Chat, String> tokenOf) {
        boolean more = rows.size() > size;
        var shown = more ? rows.subList(0, size) : rows;
        var owners = owners(actor, shown, idType);
        var items = new ArrayList<ChatInfo>();
        for (var chat : shown) {
            items.add(new ChatInfo(
                    chat,
                    chat.ownerUserPk() == null ? null : owners.get(chat.ownerUserPk()),
                    List.of(),
                    List.of(),
                    true,
                    actor.caller().tenantKey()));
        }
        return new ChatPage(items, more, more ? tokenOf.apply(shown.get(size - 1)) : null);
    }

    /** Owners' ids for a page of chats, in two queries whatever the page size. */
    private Map<Long, String> owners(Actor actor, List<Chat> page, UserIdType idType) {
        var ownerPks =
                page.stream().map(Chat::ownerUserPk).filter(Objects::nonNull).collect(Collectors.toSet());
        return ids.idsOf(actor.caller(), ids.usersByPk(ownerPks), idType);
    }

    ChatInfo describe(Actor actor, Chat chat, UserIdType idType, boolean member, boolean withManagers) {
        var managers = withManagers && member ? members.managers(chat.pk()) : List.<MemberRepository.Member>of();
        var userPks = new ArrayList<Long>();
        if (chat.ownerUserPk() != null) {
            userPks.add(chat.ownerUserPk());
        }
        managers.stream()
                .map(MemberRepository.Member::userPk)
                .filter(Objects::nonNull)
                .forEach(userPks::add);
        List<User> people = ids.usersByPk(userPks);
        var idsByPk = ids.idsOf(actor.caller(), people, idType);
        var botPks = managers.stream()
                .map(MemberRepository.Member::appPk)
                .filter(Objects::nonNull)
                .toList();
        var appIds = ids.appIds(botPks);
        return new ChatInfo(
                chat,
                chat.ownerUserPk() == null ? null : idsByPk.get(chat.ownerUserPk()),
                managers.stream()
                        .map(MemberRepository.Member::userPk)
                        .filter(Objects::nonNull)
                        .map(idsByPk::get)
                        .toList(),
                botPks.stream().map(appIds::get).toList(),
                member,
                actor.caller().tenantKey());
    }

    private static void requireBot(Actor actor) {
        if (!actor.isUser() && !actor.caller().botEnabled()) {
            throw ChatErrors.botAbilityOff();
        }
    }
}
