package dev.larkspur.web.chats;

import dev.larkspur.chat.Actor;
import dev.larkspur.chat.ChatAccess;
import dev.larkspur.chat.ChatRoster;
import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.web.session.SignedIn;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whom the composer's @ picker offers: the chat's people (not oneself) and bots, by the open_ids
 * the chat's app sees them by, since the person's text is read through that app; and @all where
 * the chat lets the person use it (spec/group.md {@code at_all_permission}: everyone, or only the
 * owner and managers). The message service checks all of it again when the text is sent.
 */
@Component
class MentionCandidates {
    /** Member pages read for the picker: 500 people, enough until the picker searches. */
    static final int PAGES = 5;

    private final ChatRoster roster;
    private final ChatAccess access;
    private final UserService users;
    private final AppService apps;

    MentionCandidates(ChatRoster roster, ChatAccess access, UserService users, AppService apps) {
        this.roster = roster;
        this.access = access;
        this.users = users;
        this.apps = apps;
    }

    /** One entry of the picker: the id the {@code <at>} tag carries, the name shown, and a label. */
    record Candidate(String id, String name, String label) {}

    List<Candidate> of(SignedIn me, OpenChats.OpenChat opened) {
        var chat = opened.chat();
        var actor = new Actor(opened.caller());
        var result = new ArrayList<Candidate>();
        if (!chat.isP2p()
                && ("all_members".equals(chat.settings().atAllPermission()) || access.isPrivileged(chat, actor))) {
            result.add(new Candidate("all", "all", "Everyone in this chat"));
        }
        String myOpenId = users.findByPks(List.of(me.userPk())).stream()
                .findFirst()
                .map(u -> users.idsAsSeenBy(opened.caller().appPk(), List.of(u), UserIdType.OPEN_ID)
                        .get(u.pk()))
                .orElse(null);
        String token = null;
        for (int page = 0; page < PAGES; page++) {
            var members = roster.list(actor, chat.chatId(), UserIdType.OPEN_ID, token, 100);
            members.items().stream()
                    .filter(m -> !m.memberId().equals(myOpenId))
                    .forEach(m -> result.add(new Candidate(m.memberId(), m.name(), "Person")));
            if (!members.hasMore()) {
                break;
            }
            token = members.pageToken();
        }
        for (long appPk : roster.bots(actor, chat.chatId())) {
            apps.findByPk(appPk)
                    .filter(a -> a.botEnabled() && a.botOpenId() != null)
                    .map(MentionCandidates::bot)
                    .ifPresent(result::add);
        }
        return result;
    }

    private static Candidate bot(App app) {
        return new Candidate(app.botOpenId(), app.name(), "Bot");
    }
}
