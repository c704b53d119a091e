package dev.larkspur.message.sending;

import dev.larkspur.chat.Chat;
import dev.larkspur.message.MessageErrors;
import dev.larkspur.platform.Limiters;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Feishu's message limit per chat: 5 messages a second into one chat, shared by every sender (and,
 * a p2p chat being one person's, 5 a second to one person); over it, 230020 (spec/message.md
 * §1.6). Counted in this process, like the gateway limit.
 */
@Component
public class ChatSendLimiter {
    private final Limits limits;
    private final Limiters.Keyed<Long> buckets;

    ChatSendLimiter(Limits limits, Limiters limiters) {
        this.limits = limits;
        this.buckets = limiters.perSecond(Math.max(1, limits.perChatPerSecond()));
    }

    /** {@code LARKSPUR_MESSAGES_PER_CHAT_PER_SECOND}; 0 turns the limit off. */
    @ConfigurationProperties("larkspur.messages")
    public record Limits(@DefaultValue("5") int perChatPerSecond) {}

    public void acquire(Chat chat) {
        if (limits.perChatPerSecond() <= 0) {
            return;
        }
        if (!buckets.bucket(chat.pk()).tryConsume(1)) {
            throw MessageErrors.rateLimited();
        }
    }
}
