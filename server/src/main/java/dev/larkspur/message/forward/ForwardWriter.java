package dev.larkspur.message.forward;

import dev.larkspur.chat.ChatActivity;
import dev.larkspur.message.Mention;
import dev.larkspur.message.Message;
import dev.larkspur.message.MessageEvents;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Posts what forwards create: the bot's copy of one message, or a merge message over several. Either
 * is a new message of the destination (in its thread, when the target is a thread) and records
 * {@code im.message.receive_v1} like any other.
 */
@Component
class ForwardWriter {
    /** The fixed content of merge messages (spec/message.md §3.7, §4.2). */
    static final String MERGE_CONTENT = "{\"content\":\"Merged and Forwarded Message\"}";

    private final MessageRepository messages;
    private final SubMessages subMessages;
    private final ChatActivity activity;
    private final MessageEvents events;
    private final Clock clock;

    ForwardWriter(
            MessageRepository messages,
            SubMessages subMessages,
            ChatActivity activity,
            MessageEvents events,
            Clock clock) {
        this.messages = messages;
        this.subMessages = subMessages;
        this.activity = activity;
        this.events = events;
        this.clock = clock;
    }

    /** The bot's copy of {@code source}; a merge message brings copies of its sub-messages. */
    Message copyOf(Caller caller, ForwardChats.Destination to, Message source) {
        long pk = insert(caller, to, source.msgType(), source.content(), source.rawContent(), source.mentions());
        if (SubMessages.isMerge(source)) {
            subMessages.copy(subMessages.of(source), pk);
        }
        return posted(caller, to, pk);
    }

    /** A merge message whose sub-messages are copies of {@code sources}, oldest first. */
    Message merge(Caller caller, ForwardChats.Destination to, List<Message> sources) {
        long pk = insert(caller, to, SubMessages.MERGE_FORWARD, MERGE_CONTENT, null, List.of());
        subMessages.copy(sources, pk);
        return posted(caller, to, pk);
    }

    private long insert(
            Caller caller,
            ForwardChats.Destination to,
            String msgType,
            String content,
            String rawContent,
            List<Mention> mentions) {
        var root = to.threadRoot();
        var row = MessageRepository.NewRow.of(to.chat().pk(), msgType, content, rawContent, mentions, clock.millis())
                .sentBy(null, caller.appPk());
        // In a thread, root and parent are both the thread's root (spec/message.md §3.2).
        return messages.insert(root == null ? row : row.under(root.pk(), root.pk(), root.threadId()));
    }

    private Message posted(Caller caller, ForwardChats.Destination to, long pk) {
        var message = messages.findByPk(pk).orElseThrow();
        activity.touch(to.chat(), message.createdAt());
        events.received(message, caller.tenantKey());
        return message;
    }
}
