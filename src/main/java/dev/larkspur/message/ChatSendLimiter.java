package dev.larkspur.message;

import dev.larkspur.chat.Chat;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
    private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    ChatSendLimiter(Limits limits) {
        this.limits = limits;
    }

    /** {@code LARKSPUR_MESSAGES_PER_CHAT_PER_SECOND}; 0 turns the limit off. */
    @ConfigurationProperties("larkspur.messages")
    public record Limits(@DefaultValue("5") int perChatPerSecond) {}

    public void acquire(Chat chat) {
        if (limits.perChatPerSecond() <= 0) {
            return;
        }
        var bucket = buckets.computeIfAbsent(chat.pk(), k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limits.perChatPerSecond())
                        .refillIntervally(limits.perChatPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build());
        if (!bucket.tryConsume(1)) {
            throw MessageErrors.of(230020, "This operation triggers the frequency limit.");
        }
    }
}
