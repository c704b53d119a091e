package dev.larkspur.chat.legacy;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.Chat;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatErrors;
import dev.larkspur.chat.ChatEvents;
import dev.larkspur.chat.ChatIds;
import dev.larkspur.chat.ChatMembers;
import dev.larkspur.chat.internal.ChatRepository;
import dev.larkspur.chat.internal.MemberRepository;
import dev.larkspur.directory.AppOwners;
import dev.larkspur.directory.Scopes;
import dev.larkspur.directory.UserIdType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deprecated v4 group APIs that older SDKs (chyroc/lark {@code GetChatOld}, {@code
 * AddBotToChat}) still call: {@code GET /open-apis/chat/v4/info} and {@code POST
 * /open-apis/bot/v4/add}, both for the calling bot. Their error codes are not documented, so they
 * answer with the im/v1 chat codes.
 */
@Service
public class LegacyChats {
    private static final int MEMBER_BATCH = 500;

    private final ChatRepository chats;
    private final MemberRepository members;
    private final ChatAccess access;
    private final ChatIds ids;
    private final ChatEvents events;
    private final AppOwners owners;
    private final Clock clock;

    LegacyChats(
            ChatRepository chats,
            MemberRepository members,
            ChatAccess access,
            ChatIds ids,
            ChatEvents events,
            AppOwners owners,
            Clock clock) {
        this.chats = chats;
        this.members = members;
        this.access = access;
        this.ids = ids;
        this.events = events;
        this.owners = owners;
        this.clock = clock;
    }

    /** A user as v4 names it: open_id, and user_id only for apps with the employee-id scope. */
    public record LegacyMember(String openId, String userId) {}

    /** A chat as v4 shows it: every user member, and the owner when a user owns it (else null). */
    public record LegacyChat(Chat chat, List<LegacyMember> members, LegacyMember owner) {}

    /** The chat and all its users; the bot must be in the chat. */
    @Transactional(readOnly = true)
    public LegacyChat info(Actor actor, String chatId) {
        requireChatId(chatId);
        var chat = access.load(chatId, actor);
        access.requireMember(chat, actor);
        boolean withUserId = actor.caller().hasScope(Scopes.EMPLOYEE_ID_READ);
        var people = new ArrayList<LegacyMember>();
        long after = 0;
        while (true) {
            var rows = members.pageUsers(chat.pk(), actor.appPk(), after, MEMBER_BATCH);
            rows.forEach(r -> people.add(new LegacyMember(r.openId(), withUserId ? r.userId() : null)));
            if (rows.size() < MEMBER_BATCH) {
                break;
            }
            after = rows.get(rows.size() - 1).pk();
        }
        LegacyMember owner = null;
        if (chat.ownerUserPk() != null) {
            var user = ids.usersByPk(List.of(chat.ownerUserPk()));
            var openIds = ids.idsOf(actor.caller(), user, UserIdType.OPEN_ID);
            owner = new LegacyMember(
                    openIds.get(chat.ownerUserPk()),
                    withUserId && !user.isEmpty() ? user.get(0).userId() : null);
        }
        return new LegacyChat(chat, people, owner);
    }

    /**
     * The calling bot joins a group chat of its tenant; joining a chat it is already in succeeds.
     * Feishu's rule is that the bot's owner is already in the group ("机器人的owner需要已经在群里",
     * docs ukTMukTMukTM/uYDO04iN4QjL2gDN): the owner is the one who adds it, so the chat's add-member
     * permission and approval apply to the owner as they do to im/v1's member add (issue 13: without
     * this, any app could join any private group of its tenant and read it).
     */
    @Transactional
    public void addBot(Actor actor, String chatId) {
        requireChatId(chatId);
        var chat = access.lock(chatId, actor);
        access.requireGroupMode(chat);
        if (access.isMember(chat, actor)) {
            return;
        }
        long owner = owners.ownerOf(actor.appPk()).orElseThrow(ChatErrors::notInChat);
        var asMember = members.findUser(chat.pk(), owner).orElseThrow(ChatErrors::notInChat);
        boolean privileged = (chat.ownerUserPk() != null && chat.ownerUserPk() == owner) || asMember.manager();
        if (chat.settings().addMemberPermission().equals("only_owner") && !privileged) {
            throw ChatErrors.notOwnerOrCreator();
        }
        if (chat.settings().membershipApproval().equals("approval_required") && !privileged) {
            throw ChatErrors.needsApproval();
        }
        if (chat.botCount() + 1 > ChatMembers.MAX_BOTS_PER_CHAT) {
            throw ChatErrors.invalidParam("a chat holds at most 15 bots");
        }
        members.insertBots(chat.pk(), List.of(actor.appPk()), clock.millis());
        chats.addToCounts(chat.pk(), 0, 1);
        events.botsAdded(chat, actor, List.of(actor.appPk()));
    }

    private static void requireChatId(String chatId) {
        if (chatId == null || chatId.isBlank()) {
            throw ChatErrors.invalidParam("chat_id is required");
        }
    }
}
