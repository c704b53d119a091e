package dev.larkspur.admin.web;

import dev.larkspur.directory.App;
import dev.larkspur.directory.DirectoryErrors;
import dev.larkspur.directory.User;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;

/**
 * How the operator API acts as a person: as a user-token caller of one app, so that the person
 * meets the same rules and records the same events as through a Feishu client.
 */
final class ActingAs {
    private ActingAs() {}

    /** A user-token caller for this person through this app, with the app's scopes. */
    static Caller actingAs(User user, App app) {
        if (user.tenantPk() != app.tenantPk()) {
            throw DirectoryErrors.invalid("the user and the app belong to different tenants");
        }
        return new Caller(
                TokenType.USER,
                app.pk(),
                app.appId(),
                app.tenantPk(),
                app.tenantKey(),
                app.botEnabled(),
                app.scopes(),
                user.pk());
    }

    /** The app itself (a tenant-token caller), as when it calls the Open API. */
    static Caller asApp(App app) {
        return new Caller(
                TokenType.TENANT,
                app.pk(),
                app.appId(),
                app.tenantPk(),
                app.tenantKey(),
                app.botEnabled(),
                app.scopes(),
                null);
    }
}
