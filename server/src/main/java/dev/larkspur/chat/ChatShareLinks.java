package dev.larkspur.chat;

import dev.larkspur.chat.internal.ChatRepository;
import dev.larkspur.chat.internal.ShareLinkRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share links to group chats (spec/group.md §2.7). The link has Feishu's applink shape; its token is
 * stored, and a person of the chat's tenant who follows it joins the chat while it lasts (the web
 * client's join page), as they would by a public chat's join: a chat that approves its members
 * refuses (232075).
 */
@Service
public class ChatShareLinks {
    static final String LINK_PREFIX = "https://applink.feishu.cn/client/chat/chatter/add_by_link?link_token=";

    private final ShareLinkRepository links;
    private final ChatRepository chats;
    private final ChatAccess access;
    private final ChatMembers members;
    private final Clock clock;

    ChatShareLinks(
            ShareLinkRepository links, ChatRepository chats, ChatAccess access, ChatMembers members, Clock clock) {
        this.links = links;
        this.chats = chats;
        this.access = access;
        this.members = members;
        this.clock = clock;
    }

    /**
     * {@code expireTime} is unix seconds; a permanent link has none, which Larkspur answers as 0
     * (Feishu does not document the value).
     */
    public record ShareLink(String shareLink, long expireTime, boolean permanent) {}

    @Transactional
    public ShareLink create(Actor actor, String chatId, String validityPeriod) {
        Duration validity = validity(validityPeriod);
        var chat = access.load(chatId, actor);
        if (chat.isP2p()) {
            throw ChatErrors.p2pShareLink();
        }
        access.requireMember(chat, actor);
        if ("only_owner".equals(chat.settings().addMemberPermission()) && !access.isPrivileged(chat, actor)) {
            throw ChatErrors.shareLinkNeedsPrivilege();
        }
        long now = clock.millis();
        Long expiresAt = validity == null ? null : now + validity.toMillis();
        String token = UUID.randomUUID().toString();
        links.insert(
                token,
                chat.pk(),
                actor.isUser() ? actor.userPk() : null,
                actor.isUser() ? null : actor.appPk(),
                now,
                expiresAt);
        return new ShareLink(LINK_PREFIX + token, expiresAt == null ? 0 : expiresAt / 1000, expiresAt == null);
    }

    /** The chat a link leads to, for a person deciding whether to join; unknown or expired links are refused. */
    @Transactional(readOnly = true)
    public Chat chatOf(Actor actor, String linkToken) {
        return access.load(chatIdOf(linkToken), actor);
    }

    /** The actor joins the link's chat (nothing happens for a member); returns the chat. */
    @Transactional
    public Chat join(Actor actor, String linkToken) {
        var chat = access.lock(chatIdOf(linkToken), actor);
        members.joinSelf(actor, chat);
        return chat;
    }

    private String chatIdOf(String linkToken) {
        var link = linkToken == null || linkToken.length() > 64
                ? Optional.<ShareLinkRepository.LinkRow>empty()
                : links.find(linkToken);
        return link.filter(l -> l.expiresAt() == null || l.expiresAt() > clock.millis())
                .flatMap(l -> chats.findByPk(l.chatPk()))
                .map(Chat::chatId)
                .orElseThrow(() -> ChatErrors.invalidParam("the share link is unknown or has expired"));
    }

    /** How long a link lasts; null for {@code permanently}. */
    private static Duration validity(String period) {
        if (period == null || period.isBlank()) {
            return Duration.ofDays(7);
        }
        return switch (period) {
            case "week" -> Duration.ofDays(7);
            case "year" -> Duration.ofDays(365);
            case "permanently" -> null;
            default -> throw ChatErrors.invalidParam("invalid validity_period: " + period);
        };
    }
}
