package dev.larkspur.message.cards;

import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.message.Message;
import dev.larkspur.message.content.EncodedContent;
import dev.larkspur.message.internal.CardRepository;
import dev.larkspur.platform.Caller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A non-shared card ({@code update_multi} false) is one card per recipient: a delayed update names
 * the people whose copy changes ({@code card.open_ids}), and everyone else keeps the card as sent.
 */
@Component
public class CardPersonalViews {
    private final UserService users;
    private final CardRepository cards;

    CardPersonalViews(UserService users, CardRepository cards) {
        this.users = users;
        this.cards = cards;
    }

    /** The people {@code open_ids} names, as the calling app knows them; any unknown id fails. */
    List<User> people(Caller caller, JsonNode openIds) {
        var ids = new LinkedHashSet<String>();
        for (JsonNode id : openIds.values()) {
            if (!id.isString()) {
                throw CardErrors.badOpenIds();
            }
            ids.add(id.asString());
        }
        var found = users.resolveAll(caller.appPk(), caller.tenantPk(), UserIdType.OPEN_ID, ids);
        if (found.size() != ids.size()) {
            throw CardErrors.badOpenIds();
        }
        return new ArrayList<>(found.values());
    }

    public void store(long messagePk, List<User> people, EncodedContent card, long now) {
        for (var person : people) {
            cards.replaceView(messagePk, person.pk(), card.content(), card.rawContent(), now);
        }
    }

    /** The card as one person sees it when they have their own copy newer than the message. */
    public java.util.Optional<String> current(Message message, long userPk) {
        return cards.viewSince(message.pk(), userPk, message.updatedAt());
    }
}
