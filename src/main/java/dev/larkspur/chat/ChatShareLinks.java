package dev.larkspur.chat;

import dev.larkspur.chat.internal.ShareLinkRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share links to group chats (spec/group.md §2.7). The link has Feishu's applink shape; its token is
 * stored so that joining by link can be served once there is a client to follow it.
 */
@Service
public class ChatShareLinks {
    static final String LINK_PREFIX = "https://applink.feishu.cn/client/chat/chatter/add_by_link?link_token=";

    private final ShareLinkRepository links;
    private final ChatAccess access;
    private final Clock clock;

    ChatShareLinks(ShareLinkRepository links, ChatAccess access, Clock clock) {
        this.links = links;
        this.access = access;
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
            throw ChatErrors.of(232062, "P2P chat cannot be share link.");
        }
        access.requireMember(chat, actor);
        if ("only_owner".equals(chat.settings().addMemberPermission()) && !access.isPrivileged(chat, actor)) {
            throw ChatErrors.of(
                    232064, "The operator is not a group owner or administrator, no permission to share chat link.");
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
