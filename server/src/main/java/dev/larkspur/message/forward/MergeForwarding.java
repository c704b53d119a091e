package dev.larkspur.message.forward;

import dev.larkspur.message.Message;
import dev.larkspur.message.MessageErrors;
import dev.larkspur.message.MessageSending;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Merge forwarding (spec/message.md §3.7): up to 100 messages of one chat become one
 * {@code merge_forward} message at the target, whose sub-messages GET returns with it.
 */
@Service
public class MergeForwarding {
    static final int MAX_MESSAGES = 100;

    private final MessageSending sending;
    private final ForwardChats chats;
    private final ForwardWriter writer;
    private final MessageRepository messages;

    MergeForwarding(MessageSending sending, ForwardChats chats, ForwardWriter writer, MessageRepository messages) {
        this.sending = sending;
        this.chats = chats;
        this.writer = writer;
        this.messages = messages;
    }

    /** The merge message and the ids that were left out of it. */
    public record Merged(Message message, List<String> invalidMessageIds) {}

    /**
     * With a {@code uuid}, a repeat to the same target within the hour returns the first merge
     * message; its invalid ids are those of the repeat's own list as things stand now.
     */
    public Merged mergeForward(
            Caller caller, String receiveIdType, String receiveId, List<String> messageIds, String uuid) {
        if (!caller.botEnabled()) {
            throw MessageErrors.botAbilityOff();
        }
        if (messageIds == null
                || messageIds.isEmpty()
                || messageIds.size() > MAX_MESSAGES
                || messageIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw MessageErrors.invalid("invalid message_id_list");
        }
        var selection = select(caller, messageIds);
        var message = sending.once(caller, uuid, "merge_forward:" + receiveIdType + ":" + receiveId, () -> {
            if (selection.refusal() != null) {
                throw selection.refusal();
            }
            var to = chats.destination(caller, receiveIdType, receiveId);
            return writer.merge(caller, to, selection.valid());
        });
        return new Merged(message, selection.invalid());
    }

    private MergeSelection select(Caller caller, List<String> messageIds) {
        var found = messages.findByMessageIds(messageIds).stream()
                .collect(Collectors.toMap(Message::messageId, Function.identity()));
        // Most lists come from one chat: ask about each chat once.
        var readableChats = new HashMap<Long, Boolean>();
        return MergeSelection.of(
                messageIds,
                found,
                m -> readableChats.computeIfAbsent(m.chatPk(), chat -> chats.readsChatOf(caller, m)));
    }
}
