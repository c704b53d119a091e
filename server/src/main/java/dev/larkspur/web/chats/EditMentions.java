package dev.larkspur.web.chats;

import dev.larkspur.directory.AppService;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.message.Mention;
import dev.larkspur.message.Message;
import dev.larkspur.platform.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The @mentions of a message being edited, as the composer's picks ({@code id|Name}, see
 * {@link ComposerMentions}): the edit form carries them beside the text, so that saving keeps
 * every {@code @Name} still in the text a mention, as it was sent. Ids are those the person's app
 * sees (open_id), as the picker gives them.
 */
@Component
class EditMentions {
    private final UserService users;
    private final AppService apps;

    EditMentions(UserService users, AppService apps) {
        this.users = users;
        this.apps = apps;
    }

    List<String> picks(Caller caller, Message m) {
        var picks = new ArrayList<String>();
        if (m.content() != null && m.content().contains("@_all")) {
            picks.add("all|all");
        }
        List<Mention> mentions = m.mentions() == null ? List.of() : m.mentions();
        var people = users.findByPks(mentions.stream()
                .map(Mention::userPk)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        var openIds = users.idsAsSeenBy(caller.appPk(), people, UserIdType.OPEN_ID);
        for (var mention : mentions) {
            String id = mention.userPk() != null
                    ? openIds.get(mention.userPk())
                    : apps.findByPk(mention.appPk()).map(a -> a.botOpenId()).orElse(null);
            if (id != null && mention.name() != null) {
                picks.add(id + "|" + mention.name());
            }
        }
        return picks;
    }
}
