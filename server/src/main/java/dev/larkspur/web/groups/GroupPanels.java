package dev.larkspur.web.groups;

import dev.larkspur.chat.ChatAnnouncements;
import dev.larkspur.chat.ChatQueries;
import dev.larkspur.chat.ChatRoster;
import dev.larkspur.chat.ChatTopNotices;
import dev.larkspur.directory.App;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.web.chats.PersonCallers;
import dev.larkspur.web.session.SignedIn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads what the group panel shows, as the person, through the chat module's services. */
@Component
class GroupPanels {
    /** Members shown: the member list's largest pages, up to this many. */
    static final int MAX_PAGES = 10;

    private final PersonCallers callers;
    private final ChatQueries chats;
    private final ChatRoster roster;
    private final ChatAnnouncements announcements;
    private final ChatTopNotices notices;
    private final GroupExtras extras;

    GroupPanels(
            PersonCallers callers,
            ChatQueries chats,
            ChatRoster roster,
            ChatAnnouncements announcements,
            ChatTopNotices notices,
            GroupExtras extras) {
        this.callers = callers;
        this.chats = chats;
        this.roster = roster;
        this.announcements = announcements;
        this.notices = notices;
        this.extras = extras;
    }

    GroupPanel panel(SignedIn me, GroupActors.Group group) {
        var actor = group.actor();
        String chatId = group.chatId();
        var info = chats.get(actor, chatId, UserIdType.USER_ID);
        var chat = info.chat();
        String myId = callers.self(me).map(User::userId).orElse("");
        boolean owner = myId.equals(info.ownerId());
        boolean manager = info.userManagerIds().contains(myId);
        var s = chat.settings();
        boolean privileged = owner || manager;
        var role = new GroupPanel.Role(
                owner,
                manager,
                privileged || "all_members".equals(s.addMemberPermission()),
                privileged || "all_members".equals(s.editPermission()),
                privileged || "all_members".equals(s.editPermission()));

        var people = new ArrayList<GroupPanel.Person>();
        String token = null;
        for (int i = 0; i < MAX_PAGES; i++) {
            var page = roster.list(actor, chatId, UserIdType.USER_ID, token, 100);
            for (var m : page.items()) {
                people.add(new GroupPanel.Person(
                        m.memberId(),
                        m.name(),
                        m.memberId().equals(info.ownerId()),
                        info.userManagerIds().contains(m.memberId()),
                        m.memberId().equals(myId)));
            }
            if (!page.hasMore()) {
                break;
            }
            token = page.pageToken();
        }
        var tenantBots = callers.bots(me).stream().collect(Collectors.toMap(App::appId, Function.identity()));
        var botIds = roster.botAppIds(actor, chatId);
        var bots = botIds.stream()
                .map(id -> new GroupPanel.Bot(
                        id,
                        tenantBots.containsKey(id) ? tenantBots.get(id).name() : id,
                        info.botManagerIds().contains(id)))
                .toList();
        var inChat = new HashSet<String>();
        people.forEach(p -> inChat.add(p.userId()));
        var addablePeople = callers.people(me).stream()
                .filter(u -> u.userId() != null && !inChat.contains(u.userId()))
                .map(u -> new GroupPanel.Choice(u.userId(), u.name()))
                .toList();
        var addableBots = callers.bots(me).stream()
                .filter(a -> !botIds.contains(a.appId()))
                .map(a -> new GroupPanel.Choice(a.appId(), a.name()))
                .toList();
        var announcement = announcements.get(actor, chatId, UserIdType.USER_ID);
        String topNotice = notices.current(actor, chatId)
                .map(n -> "1".equals(n.actionType()) ? "Message " + n.messageId() : "The announcement")
                .orElse(null);
        return new GroupPanel(
                chatId,
                s.name(),
                s.description(),
                role,
                people,
                bots,
                addablePeople,
                addableBots,
                new GroupPanel.Settings(s.addMemberPermission(), s.atAllPermission(), s.editPermission()),
                AnnouncementText.read(announcement.content()),
                announcement.revision(),
                topNotice,
                extras.tabs(actor, chatId),
                extras.menus(actor, chatId));
    }
}
