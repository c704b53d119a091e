package dev.larkspur.message;

import dev.larkspur.directory.UserIdType;
import dev.larkspur.message.reactions.Reaction;
import dev.larkspur.platform.Caller;
import java.util.List;
import org.springframework.stereotype.Component;

/** Renders reactions for one caller; a page costs the same few queries whatever its size. */
@Component
public class ReactionPresenter {
    private final OperatorIds operatorIds;

    ReactionPresenter(OperatorIds operatorIds) {
        this.operatorIds = operatorIds;
    }

    /** One reaction, people as the caller's open_ids (add and delete answer so). */
    public ReactionView one(Caller caller, Reaction reaction) {
        return render(caller, List.of(reaction), UserIdType.OPEN_ID).get(0);
    }

    public List<ReactionView> render(Caller caller, List<Reaction> reactions, UserIdType idType) {
        var ids = operatorIds.of(
                caller, reactions.stream().map(Reaction::operator).toList(), idType);
        return reactions.stream()
                .map(r -> new ReactionView(
                        r.reactionId(),
                        new ReactionView.OperatorView(
                                ids.get(r.operator()), r.operator().kind()),
                        String.valueOf(r.actionTime()),
                        new ReactionView.Emoji(r.emojiType())))
                .toList();
    }
}
