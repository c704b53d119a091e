package dev.larkspur.web.chats;

import dev.larkspur.chat.Chat;
import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import dev.larkspur.web.session.SignedIn;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The signed-in person as the services know a person: a user-token caller through one app of their
 * tenant, exactly as the admin API's act-as-user calls and a Feishu client do. In a bot's p2p chat
 * that is the bot's app; in a group, the app that created it, else the tenant's first bot; in a
 * chat with another person (no bot in it), the tenant's first bot, as a Feishu client's user token
 * of that app would (issue 17). The app only decides how ids inside content are read; the person is the sender, with the same rules
 * and events as through the Open API.
 */
@Component
public class PersonCallers {
    /** The people the picker shows: enough for a demo tenant; a search would come before more. */
    static final int PEOPLE = 200;

    private final AppService apps;
    private final UserService users;

    PersonCallers(AppService apps, UserService users) {
        this.apps = apps;
        this.users = users;
    }

    /** The other people of the tenant one can write to: not oneself, not resigned, by name. */
    public List<User> people(SignedIn me) {
        return users.page(me.tenantKey(), 0, PEOPLE).stream()
                .filter(u -> u.pk() != me.userPk() && !u.resigned())
                .sorted(java.util.Comparator.comparing(u -> u.name() == null ? "" : u.name()))
                .toList();
    }

    /** The person themselves, as the directory has them. */
    public Optional<User> self(SignedIn me) {
        return users.findByPks(List.of(me.userPk())).stream().findFirst();
    }

    /** The other person of a chat between two people. */
    public Optional<User> otherPerson(SignedIn me, Chat chat) {
        long other = chat.p2pUserPk() == me.userPk() ? chat.p2pPeerUserPk() : chat.p2pUserPk();
        return users.findByPks(List.of(other)).stream().findFirst();
    }

    /** People by pk, in one query. */
    List<User> users(List<Long> pks) {
        return users.findByPks(pks);
    }

    /** The tenant's apps with a bot: the people's bot chats, and what groups are acted through. */
    public List<App> bots(SignedIn me) {
        return apps.list(me.tenantKey()).stream().filter(App::botEnabled).toList();
    }

    public Optional<App> bot(SignedIn me, String appId) {
        return apps.find(appId).filter(a -> a.tenantPk() == me.tenantPk() && a.botEnabled());
    }

    public Optional<App> appFor(SignedIn me, Chat chat) {
        Long pk = chat.isP2p() ? chat.p2pAppPk() : chat.creatorAppPk();
        var own = Optional.ofNullable(pk)
                .flatMap(apps::findByPk)
                .filter(a -> a.tenantPk() == me.tenantPk() && a.botEnabled());
        if (own.isPresent() || (chat.isP2p() && !chat.isPeopleChat())) {
            return own;
        }
        return bots(me).stream().findFirst();
    }

    public Caller through(SignedIn me, App app) {
        return new Caller(
                TokenType.USER,
                app.pk(),
                app.appId(),
                me.tenantPk(),
                me.tenantKey(),
                app.botEnabled(),
                app.scopes(),
                me.userPk());
    }
}
