package dev.larkspur.message.forward;

import dev.larkspur.message.Message;
import dev.larkspur.message.MessageErrors;
import dev.larkspur.message.MessageQueries;
import dev.larkspur.message.MessageSending;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Forwarding one message and forwarding a thread (spec/message.md §3.6, §3.8), to a person, a chat
 * or a thread. With a {@code uuid}, a repeat to the same target within the hour returns the first
 * result, as sends do.
 */
@Service
public class MessageForwarding {
    /** Types Feishu refuses to forward; of those Larkspur stores, audio and system messages. */
    static final Set<String> NOT_FORWARDABLE = Set.of("audio", "system", "hongbao", "vote");

    private static final int THREAD_PAGE = 100;

    private final MessageSending sending;
    private final MessageQueries queries;
    private final ForwardChats chats;
    private final ForwardWriter writer;
    private final MessageRepository messages;

    MessageForwarding(
            MessageSending sending,
            MessageQueries queries,
            ForwardChats chats,
            ForwardWriter writer,
            MessageRepository messages) {
        this.sending = sending;
        this.queries = queries;
        this.chats = chats;
        this.writer = writer;
        this.messages = messages;
    }

    /** The bot's copy of a message it can read, posted at the target. */
    public Message forward(Caller caller, String messageId, String receiveIdType, String receiveId, String uuid) {
        requireBot(caller);
        return sending.once(caller, uuid, "forward:" + receiveIdType + ":" + receiveId, () -> {
            var source = queries.get(caller, messageId);
            if (source.deleted()) {
                throw ForwardErrors.recalled();
            }
            // A sub-message exists only inside its merge message, and is forwarded with it.
            if (source.upperMessageId() != null) {
                throw ForwardErrors.messageInvalid();
            }
            if (NOT_FORWARDABLE.contains(source.msgType())) {
                throw ForwardErrors.notForwardable();
            }
            var to = chats.destination(caller, receiveIdType, receiveId);
            return writer.copyOf(caller, to, source);
        });
    }

    /** A merge message at the target holding the thread's root and replies, recalled ones left out. */
    public Message forwardThread(Caller caller, String threadId, String receiveIdType, String receiveId, String uuid) {
        requireBot(caller);
        if (threadId == null || !threadId.startsWith("omt_")) {
            throw MessageErrors.invalid("invalid thread_id");
        }
        return sending.once(caller, uuid, "thread_forward:" + receiveIdType + ":" + receiveId, () -> {
            var root = chats.threadRoot(threadId)
                    .filter(r -> r.tenantPk() == caller.tenantPk())
                    .orElseThrow(ForwardErrors::threadInvalid);
            if (!chats.readsChatOf(caller, root)) {
                throw MessageErrors.botNotInChat();
            }
            var thread = threadMessages(threadId);
            if (thread.isEmpty()) {
                throw ForwardErrors.threadInvalid();
            }
            var to = chats.destination(caller, receiveIdType, receiveId);
            return writer.merge(caller, to, thread);
        });
    }

    private List<Message> threadMessages(String threadId) {
        var all = new ArrayList<Message>();
        long atTime = Long.MIN_VALUE;
        long atPk = Long.MIN_VALUE;
        List<Message> page;
        do {
            page = messages.pageOfThread(threadId, true, atTime, atPk, THREAD_PAGE);
            page.stream().filter(m -> !m.deleted()).forEach(all::add);
            if (!page.isEmpty()) {
                atTime = page.get(page.size() - 1).createdAt();
                atPk = page.get(page.size() - 1).pk();
            }
        } while (page.size() == THREAD_PAGE);
        return all;
    }

    private static void requireBot(Caller caller) {
        if (!caller.botEnabled()) {
            throw MessageErrors.botAbilityOff();
        }
    }
}
