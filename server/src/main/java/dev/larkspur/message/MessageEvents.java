package dev.larkspur.message;

import dev.larkspur.event.EventBody;
import dev.larkspur.event.EventRefs;
import dev.larkspur.event.EventType;
import dev.larkspur.event.NewEvent;
import dev.larkspur.event.Outbox;
import dev.larkspur.platform.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Builds the {@code im.message.*} event bodies of spec/message.md §5 and appends them to the outbox. */
@Component
public class MessageEvents {
    /** {@code im.message.receive_v1}. */
    record Received(Sender sender, ReceivedMessage message) implements EventBody {}

    record Sender(Map<String, Object> senderId, String senderType, String tenantKey) implements EventBody {}

    /** {@code root_id}, {@code parent_id} and {@code thread_id} only when set; {@code mentions} when any. */
    record ReceivedMessage(
            String messageId,
            String rootId,
            String parentId,
            String createTime,
            String updateTime,
            String chatId,
            String threadId,
            String chatType,
            String messageType,
            String content,
            List<MentionRef> mentions)
            implements EventBody {}

    record MentionRef(String key, Map<String, Object> id, String mentionedType, String name, String tenantKey)
            implements EventBody {}

    record Recalled(String messageId, String chatId, String recallTime, String recallType) implements EventBody {}

    /** {@code im.message.message_read_v1}. */
    record Read(ReadBy reader, List<String> messageIdList) implements EventBody {}

    record ReadBy(Map<String, Object> readerId, String readTime, String tenantKey) implements EventBody {}

    /**
     * The body of {@link EventType#MESSAGE_CHANGED}; {@code user} only when just that person sees
     * the difference (who read their messages).
     */
    record Changed(List<String> messageIds, Long user) implements EventBody {}

    /** Row keys start at 1, so no app has this one. */
    private static final long NO_APP = 0;

    private final Outbox outbox;
    private final MeterRegistry registry;
    private final Map<String, Counter> sent = new ConcurrentHashMap<>();

    MessageEvents(Outbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.registry = registry;
    }

    /**
     * Recorded for every message; fan-out decides which bots receive it (p2p, @mentions, the
     * group-message scope) and never echoes a bot's own message to it.
     */
    public void received(Message m, String senderTenantKey) {
        // Every message posted goes through here once (sends, replies, forwards, custom bots).
        sent.computeIfAbsent(m.msgType(), type -> Counter.builder("larkspur.messages.sent")
                        .description("Messages posted, by msg_type")
                        .tag("msg_type", type)
                        .register(registry))
                .increment();
        List<MentionRef> mentions = m.mentions().isEmpty()
                ? null
                : m.mentions().stream()
                        .map(x -> new MentionRef(
                                x.key(),
                                x.userPk() != null ? EventRefs.user(x.userPk()) : EventRefs.bot(x.appPk()),
                                x.userPk() != null ? "user" : "bot",
                                x.name() == null ? "" : x.name(),
                                senderTenantKey))
                        .toList();
        var body = new Received(
                new Sender(senderRef(m), m.senderUserPk() != null ? "user" : "app", senderTenantKey),
                new ReceivedMessage(
                        m.messageId(),
                        m.rootId(),
                        m.parentId(),
                        String.valueOf(m.createdAt()),
                        String.valueOf(m.updatedAt()),
                        m.chatId(),
                        m.threadId(),
                        "p2p".equals(m.chatMode()) ? "p2p" : "group",
                        m.msgType(),
                        m.content(),
                        mentions));
        outbox.append(new NewEvent(EventType.MESSAGE_RECEIVED, m.tenantPk(), m.chatPk(), null, body));
    }

    /**
     * A message without a user or app sender comes from a group's custom bot. It is marked as a
     * bot's, so that fan-out applies Feishu's rule for bot messages (only to bots it mentions), but
     * with no app behind the marker: no bot takes it for its own, and it renders with an empty
     * open_id, as custom bots have none.
     */
    private static Map<String, Object> senderRef(Message m) {
        if (m.senderUserPk() != null) {
            return EventRefs.user(m.senderUserPk());
        }
        return EventRefs.bot(m.senderAppPk() != null ? m.senderAppPk() : NO_APP);
    }

    public void recalled(Message m, String recallType, long now) {
        var body = new Recalled(m.messageId(), m.chatId(), String.valueOf(now), recallType);
        outbox.append(new NewEvent(EventType.MESSAGE_RECALLED, m.tenantPk(), m.chatPk(), null, body));
    }

    /** A message changed in this transaction ({@link EventType#MESSAGE_CHANGED}). */
    public void changed(Message m) {
        outbox.append(changedEvent(m.tenantPk(), m.chatPk(), List.of(m.messageId())));
    }

    /** Messages of one person read by someone: only the sender's pages show read counts. */
    static NewEvent readEvent(long tenantPk, long chatPk, long senderUserPk, List<String> messageIds) {
        return new NewEvent(
                EventType.MESSAGE_CHANGED, tenantPk, chatPk, null, new Changed(List.copyOf(messageIds), senderUserPk));
    }

    /**
     * A person read messages a bot sent in their p2p chat (spec/message.md §5.3): only that bot
     * hears of it.
     */
    static NewEvent messageRead(Caller reader, long chatPk, long botPk, List<String> messageIds, long now) {
        var body = new Read(
                new ReadBy(EventRefs.user(reader.userPk()), String.valueOf(now), reader.tenantKey()),
                List.copyOf(messageIds));
        return new NewEvent(EventType.MESSAGE_READ, reader.tenantPk(), chatPk, botPk, body);
    }

    private static NewEvent changedEvent(long tenantPk, long chatPk, List<String> messageIds) {
        return new NewEvent(
                EventType.MESSAGE_CHANGED, tenantPk, chatPk, null, new Changed(List.copyOf(messageIds), null));
    }
}
