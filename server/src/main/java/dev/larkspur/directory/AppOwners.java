package dev.larkspur.directory;

import dev.larkspur.directory.internal.AppOwnerRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person who owns an app, as the owner of a Feishu app in its developer console. The legacy
 * bot/v4/add needs it: "机器人的owner需要已经在群里" (the bot's owner must already be in the group,
 * docs ukTMukTMukTM/uYDO04iN4QjL2gDN). An app without an owner cannot join groups that way.
 */
@Service
public class AppOwners {
    private final AppOwnerRepository owners;
    private final AppService apps;
    private final UserService users;

    AppOwners(AppOwnerRepository owners, AppService apps, UserService users) {
        this.owners = owners;
        this.apps = apps;
        this.users = users;
    }

    /** The owner's user pk, if the app has one. */
    public Optional<Long> ownerOf(long appPk) {
        return owners.ownerOf(appPk);
    }

    /** The owner named by the tenant's user_id; a person of the app's own tenant, not resigned. */
    @Transactional
    public User setOwner(String appId, String userId) {
        var app = apps.get(appId);
        if (userId == null || userId.isBlank()) {
            throw DirectoryErrors.invalid("user_id is required");
        }
        var owner = users.findByUserId(app.tenantKey(), userId)
                .filter(u -> !u.resigned())
                .orElseThrow(() -> DirectoryErrors.notFound("user " + userId + " in the app's tenant"));
        owners.setOwner(app.pk(), owner.pk());
        return owner;
    }

    /** The owner's user_id, if any. */
    public Optional<String> ownerUserId(String appId) {
        return owners.ownerOf(apps.get(appId).pk())
                .flatMap(pk -> users.findByPks(java.util.List.of(pk)).stream().findFirst())
                .map(User::userId);
    }
}
