package dev.larkspur.message;

import dev.larkspur.event.EventRefs;
import dev.larkspur.event.EventType;
import dev.larkspur.event.NewEvent;
import dev.larkspur.event.Outbox;
import dev.larkspur.platform.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code im.message.reaction.created_v1} and {@code deleted_v1} (spec/message.md §5.5), recorded with
 * the message's chat so that the bots in it receive them. Neither carries the reaction_id, as on
 * Feishu; a person is an id object, an app its app_id.
 */
@Component
public class ReactionEvents {
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
        var body = new LinkedHashMap<String, Object>();
        body.put("message_id", message.messageId());
        body.put("reaction_type", Map.of("emoji_type", reaction.emojiType()));
        body.put("operator_type", reaction.operator().kind());
        if (reaction.operator().isUser()) {
            body.put("user_id", EventRefs.user(reaction.operator().pk()));
        } else {
            body.put("app_id", operator.appId());
        }
        body.put("action_time", String.valueOf(actionTime));
        outbox.append(new NewEvent(type, message.tenantPk(), message.chatPk(), null, body));
    }
}
