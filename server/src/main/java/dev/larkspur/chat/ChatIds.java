package dev.larkspur.chat;

import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.Caller;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns the ids a caller sends into people and bots, and people back into the caller's ids. */
@Component
public class ChatIds {
    private final UserService users;
    private final AppService apps;

    ChatIds(UserService users, AppService apps) {
        this.users = users;
        this.apps = apps;
    }

    /** Users named by the caller, keyed by the id given; unknown ids are absent. */
    public Map<String, User> users(Caller caller, UserIdType type, Collection<String> ids) {
        return users.resolveAll(caller.appPk(), caller.tenantPk(), type, ids);
    }

    /** Bots named by app_id in the caller's tenant with bot ability on; unknown ones are absent. */
    public Map<String, App> bots(Caller caller, Collection<String> appIds) {
        var result = new LinkedHashMap<String, App>();
        for (String appId : appIds) {
            apps.find(appId)
                    .filter(app -> app.tenantPk() == caller.tenantPk() && app.botEnabled())
                    .ifPresent(app -> result.put(appId, app));
        }
        return result;
    }

    /** The caller's id for each user, by user pk. */
    public Map<Long, String> idsOf(Caller caller, Collection<User> people, UserIdType type) {
        return users.idsAsSeenBy(caller.appPk(), people, type);
    }

    public List<User> usersByPk(Collection<Long> pks) {
        return users.findByPks(pks);
    }

    /** The app_id of each bot, by app pk. */
    public Map<Long, String> appIds(Collection<Long> appPks) {
        return apps.appIds(appPks);
    }
}
