package dev.larkspur.web.chats;

import dev.larkspur.chat.Chat;
import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import dev.larkspur.web.session.SignedIn;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The signed-in person as the services know a person: a user-token caller through one app of their
 * tenant, exactly as the admin API's act-as-user calls and a Feishu client do. In a bot's p2p chat
 * that is the bot's app; in a group, the app that created it, else the tenant's first bot. The
 * app only decides how ids inside content are read; the person is the sender, with the same rules
 * and events as through the Open API.
 */
@Component
class PersonCallers {
    private final AppService apps;

    PersonCallers(AppService apps) {
        this.apps = apps;
    }

    /** The tenant's apps with a bot: the people's bot chats, and what groups are acted through. */
    List<App> bots(SignedIn me) {
        return apps.list(me.tenantKey()).stream().filter(App::botEnabled).toList();
    }

    Optional<App> bot(SignedIn me, String appId) {
        return apps.find(appId).filter(a -> a.tenantPk() == me.tenantPk() && a.botEnabled());
    }

    Optional<App> appFor(SignedIn me, Chat chat) {
        Long pk = chat.isP2p() ? chat.p2pAppPk() : chat.creatorAppPk();
        var own = Optional.ofNullable(pk)
                .flatMap(apps::findByPk)
                .filter(a -> a.tenantPk() == me.tenantPk() && a.botEnabled());
        if (own.isPresent() || chat.isP2p()) {
            return own;
        }
        return bots(me).stream().findFirst();
    }

    Caller through(SignedIn me, App app) {
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
