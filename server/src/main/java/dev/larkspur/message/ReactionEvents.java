package dev.larkspur.message;

import dev.larkspur.event.EventBody;
import dev.larkspur.event.EventRefs;
import dev.larkspur.event.EventType;
import dev.larkspur.event.NewEvent;
import dev.larkspur.event.Outbox;
import dev.larkspur.message.reactions.Reaction;
import dev.larkspur.platform.Caller;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code im.message.reaction.created_v1} and {@code deleted_v1} (spec/message.md §5.5), recorded with
 * the message's chat so that the bots in it receive them. Neither carries the reaction_id, as on
 * Feishu; a person is an id object, an app its app_id.
 */
@Component
public class ReactionEvents {
    /** A person is {@code user_id}, an app {@code app_id}; the other is left out. */
    record ReactionChanged(
            String messageId,
            ReactionType reactionType,
            String operatorType,
            Map<String, Object> userId,
            String appId,
            String actionTime)
            implements EventBody {}

    record ReactionType(String emojiType) implements EventBody {}

    private final Outbox outbox;

    ReactionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void created(Message message, Reaction reaction, Caller operator) {
        append(EventType.REACTION_CREATED, message, reaction, operator, reaction.actionTime());
    }

    /** {@code now}: the deleted event's action_time is when the reaction was removed. */
    void deleted(Message message, Reaction reaction, Caller operator, long now) {
        append(EventType.REACTION_DELETED, message, reaction, operator, now);
    }

    private void append(EventType type, Message message, Reaction reaction, Caller operator, long actionTime) {
        boolean byUser = reaction.operator().isUser();
        var body = new ReactionChanged(
                message.messageId(),
                new ReactionType(reaction.emojiType()),
                reaction.operator().kind(),
                byUser ? EventRefs.user(reaction.operator().pk()) : null,
                byUser ? null : operator.appId(),
                String.valueOf(actionTime));
        outbox.append(new NewEvent(type, message.tenantPk(), message.chatPk(), null, body));
    }
}
