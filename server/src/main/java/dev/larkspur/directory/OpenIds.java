package dev.larkspur.directory;

import dev.larkspur.directory.internal.AppRepository;
import dev.larkspur.directory.internal.UserRepository;
import dev.larkspur.platform.Ids;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Per-app open_ids. Every (app, user) pair of a tenant gets its row when the second of the two is
 * created, in the same transaction, so that readers only ever look them up.
 */
@Component
public class OpenIds {
    private final AppRepository apps;
    private final UserRepository users;

    OpenIds(AppRepository apps, UserRepository users) {
        this.apps = apps;
        this.users = users;
    }

    void forNewApp(long appPk, long tenantPk) {
        users.insertOpenIds(users.pksOfTenant(tenantPk).stream()
                .map(userPk -> new UserRepository.OpenIdRow(appPk, userPk, Ids.openId()))
                .toList());
    }

    void forNewUser(long userPk, long tenantPk) {
        users.insertOpenIds(apps.pksOfTenant(tenantPk).stream()
                .map(appPk -> new UserRepository.OpenIdRow(appPk, userPk, Ids.openId()))
                .toList());
    }

    /** The open_ids the app has for these users (one query for the whole list). */
    public Map<Long, String> of(long appPk, List<Long> userPks) {
        return users.openIds(appPk, userPks);
    }
}
