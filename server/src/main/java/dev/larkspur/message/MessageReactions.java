package dev.larkspur.message;

import dev.larkspur.message.internal.ReactionRepository;
import dev.larkspur.message.reactions.Reaction;
import dev.larkspur.message.reactions.ReactionErrors;
import dev.larkspur.message.reactions.ReactionTargets;
import dev.larkspur.platform.Caller;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding and removing reactions (spec/message.md §3.20): by the bots and people in the message's
 * chat, with the emoji types of §7, never on recalled or system messages. Each change records its
 * reaction event in the same transaction.
 */
@Service
public class MessageReactions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final ReactionRepository reactions;
    private final ReactionTargets targets;
    private final ReactionEvents events;
    private final Clock clock;

    MessageReactions(ReactionRepository reactions, ReactionTargets targets, ReactionEvents events, Clock clock) {
        this.reactions = reactions;
        this.targets = targets;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The caller reacts. Reacting again with the same emoji answers with the first reaction and
     * records nothing, as a Feishu client shows one reaction per person and emoji.
     */
    @Transactional
    public Reaction add(Caller caller, String messageId, String emojiType) {
        if (!Emojis.isKnown(emojiType)) {
            throw ReactionErrors.invalidType();
        }
        var message = targets.byId(caller, messageId, ReactionErrors::noPermission);
        if ("system".equals(message.msgType())) {
            throw ReactionErrors.typeNotSupported();
        }
        var operator = Operator.of(caller);
        boolean added = reactions.insert(newReactionId(), message.pk(), emojiType, operator, clock.millis());
        var reaction = reactions.find(message.pk(), emojiType, operator).orElseThrow(ReactionErrors::repeatedRequest);
        if (added) {
            events.created(message, reaction, caller);
        }
        return reaction;
    }

    /** Removes a reaction of the message; only the one who added it may. */
    @Transactional
    public Reaction remove(Caller caller, String messageId, String reactionId) {
        var message = targets.byId(caller, messageId, ReactionErrors::noPermission);
        var reaction = find(reactionId);
        if (reaction.messagePk() != message.pk()) {
            throw ReactionErrors.notOnMessage();
        }
        return remove(caller, message, reaction);
    }

    /** As {@link #remove(Caller, String, String)}, for callers that know only the reaction (operators). */
    @Transactional
    public Reaction remove(Caller caller, String reactionId) {
        var reaction = find(reactionId);
        var message = targets.byPk(caller, reaction.messagePk(), ReactionErrors::noPermission);
        return remove(caller, message, reaction);
    }

    private Reaction remove(Caller caller, Message message, Reaction reaction) {
        if (!reaction.operator().equals(Operator.of(caller))) {
            throw ReactionErrors.notAdder();
        }
        // A concurrent delete of the same reaction won: to this caller it no longer exists.
        if (!reactions.delete(reaction.pk())) {
            throw ReactionErrors.invalidReactionId();
        }
        events.deleted(message, reaction, caller, clock.millis());
        return reaction;
    }

    private Reaction find(String reactionId) {
        return reactions
                .findByReactionId(reactionId == null ? "" : reactionId)
                .orElseThrow(ReactionErrors::invalidReactionId);
    }

    /** Opaque, URL-safe and unguessable, in the base64url look of Feishu's reaction ids. */
    private static String newReactionId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
