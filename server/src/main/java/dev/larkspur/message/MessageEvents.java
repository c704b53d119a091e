package dev.larkspur.message;

import dev.larkspur.event.EventRefs;
import dev.larkspur.event.EventType;
import dev.larkspur.event.NewEvent;
import dev.larkspur.event.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Builds the {@code im.message.*} event bodies of spec/message.md §5 and appends them to the outbox. */
@Component
public class MessageEvents {
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
        var sender = new LinkedHashMap<String, Object>();
        sender.put("sender_id", senderRef(m));
        sender.put("sender_type", m.senderUserPk() != null ? "user" : "app");
        sender.put("tenant_key", senderTenantKey);
        var message = new LinkedHashMap<String, Object>();
        message.put("message_id", m.messageId());
        putIfPresent(message, "root_id", m.rootId());
        putIfPresent(message, "parent_id", m.parentId());
        message.put("create_time", String.valueOf(m.createdAt()));
        message.put("update_time", String.valueOf(m.updatedAt()));
        message.put("chat_id", m.chatId());
        putIfPresent(message, "thread_id", m.threadId());
        message.put("chat_type", "p2p".equals(m.chatMode()) ? "p2p" : "group");
        message.put("message_type", m.msgType());
        message.put("content", m.content());
        if (!m.mentions().isEmpty()) {
            List<Map<String, Object>> mentions = m.mentions().stream()
                    .map(x -> Map.<String, Object>of(
                            "key", x.key(),
                            "id", x.userPk() != null ? EventRefs.user(x.userPk()) : EventRefs.bot(x.appPk()),
                            "mentioned_type", x.userPk() != null ? "user" : "bot",
                            "name", x.name() == null ? "" : x.name(),
                            "tenant_key", senderTenantKey))
                    .toList();
            message.put("mentions", mentions);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("sender", sender);
        body.put("message", message);
        outbox.append(new NewEvent(EventType.MESSAGE_RECEIVED, m.tenantPk(), m.chatPk(), null, body));
    }

    /**
     * A message without a user or app sender comes from a group's custom bot. It is marked as a
     * bot's, so that fan-out applies Feishu's rule for bot messages (only to bots it mentions), but
     * with no app behind the marker: no bot takes it for its own, and it renders with an empty
     * open_id, as custom bots have none.
     */
    private static Object senderRef(Message m) {
        if (m.senderUserPk() != null) {
            return EventRefs.user(m.senderUserPk());
        }
        return EventRefs.bot(m.senderAppPk() != null ? m.senderAppPk() : NO_APP);
    }

    public void recalled(Message m, String recallType, long now) {
        var body = new LinkedHashMap<String, Object>();
        body.put("message_id", m.messageId());
        body.put("chat_id", m.chatId());
        body.put("recall_time", String.valueOf(now));
        body.put("recall_type", recallType);
        outbox.append(new NewEvent(EventType.MESSAGE_RECALLED, m.tenantPk(), m.chatPk(), null, body));
    }

    /** A message changed in this transaction ({@link EventType#MESSAGE_CHANGED}). */
    public void changed(Message m) {
        outbox.append(changedEvent(m.tenantPk(), m.chatPk(), List.of(m.messageId())));
    }

    /** Messages of one person read by someone: only the sender's pages show read counts. */
    static NewEvent readEvent(long tenantPk, long chatPk, long senderUserPk, List<String> messageIds) {
        return new NewEvent(
                EventType.MESSAGE_CHANGED,
                tenantPk,
                chatPk,
                null,
                Map.of("message_ids", List.copyOf(messageIds), "user", senderUserPk));
    }

    private static NewEvent changedEvent(long tenantPk, long chatPk, List<String> messageIds) {
        return new NewEvent(
                EventType.MESSAGE_CHANGED, tenantPk, chatPk, null, Map.of("message_ids", List.copyOf(messageIds)));
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
