package dev.larkspur.message.forward;

import dev.larkspur.message.Message;
import dev.larkspur.message.internal.MessageRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sub-messages of merge forwards (spec/message.md §3.7, §3.11). They are copies, so that a merge
 * keeps showing what was forwarded after the originals change; each names its merge message in
 * {@code upper_message_id}, and a forwarded merge nests its own sub-messages under its copy. A copy
 * keeps its original's chat, sender and times: it is a record of that conversation.
 */
@Component
public class SubMessages {
    static final String MERGE_FORWARD = "merge_forward";

    private final MessageRepository messages;

    SubMessages(MessageRepository messages) {
        this.messages = messages;
    }

    /**
     * The message followed by all its sub-messages, depth first (each merge before its own), as
     * GET answers for a merge message; any other message, or a recalled merge, alone.
     */
    @Transactional(readOnly = true)
    public List<Message> withSubMessages(Message message) {
        var all = new ArrayList<Message>();
        all.add(message);
        if (isMerge(message) && !message.deleted()) {
            addDescendants(message.pk(), all);
        }
        return all;
    }

    /** Copies {@code sources}, oldest first, under the merge message {@code upperPk}. */
    void copy(List<Message> sources, long upperPk) {
        for (var source : sources) {
            long pk = messages.insert(MessageRepository.NewRow.of(
                            source.chatPk(),
                            source.msgType(),
                            source.content(),
                            source.rawContent(),
                            source.mentions(),
                            source.createdAt())
                    .sentBy(source.senderUserPk(), source.senderAppPk()));
            messages.setUpper(pk, upperPk);
            if (isMerge(source)) {
                copy(messages.subMessagesOf(source.pk()), pk);
            }
        }
    }

    /** The direct sub-messages of a merge message. */
    List<Message> of(Message merge) {
        return messages.subMessagesOf(merge.pk());
    }

    static boolean isMerge(Message message) {
        return MERGE_FORWARD.equals(message.msgType());
    }

    private void addDescendants(long upperPk, List<Message> into) {
        for (var sub : messages.subMessagesOf(upperPk)) {
            into.add(sub);
            if (isMerge(sub)) {
                addDescendants(sub.pk(), into);
            }
        }
    }
}
