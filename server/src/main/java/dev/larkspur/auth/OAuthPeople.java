package dev.larkspur.auth;

import dev.larkspur.directory.App;
import dev.larkspur.directory.Scopes;
import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The people OAuth deals with: who may grant an app, who holds a token, and what the app sees of them. */
@Component
class OAuthPeople {
    private final UserService users;

    OAuthPeople(UserService users) {
        this.users = users;
    }

    /** The person allowing an app: of the app's tenant (else 20010) and still employed (20021). */
    User member(App app, long userPk) {
        var user = users.findByPks(List.of(userPk)).stream().findFirst().orElseThrow(OAuthErrors::userNotPermitted);
        if (user.tenantPk() != app.tenantPk()) {
            throw OAuthErrors.userNotPermitted();
        }
        if (user.resigned()) {
            throw OAuthErrors.resignedCannotAllow();
        }
        return user;
    }

    /** The person a code or refresh token was issued to, at redemption. */
    User holder(long userPk, OAuthApi api) {
        var user =
                users.findByPks(List.of(userPk)).stream().findFirst().orElseThrow(() -> OAuthErrors.userNotFound(api));
        if (user.resigned()) {
            throw OAuthErrors.userResigned(api);
        }
        return user;
    }

    UserProfile profile(long appPk, String tenantKey, Set<String> appScopes, User user) {
        String openId =
                users.idsAsSeenBy(appPk, List.of(user), UserIdType.OPEN_ID).get(user.pk());
        return new UserProfile(
                user.name(),
                user.enName() == null ? user.name() : user.enName(),
                openId,
                user.unionId(),
                appScopes.contains(Scopes.USER_EMAIL_READ) ? user.email() : null,
                appScopes.contains(Scopes.EMPLOYEE_ID_READ) ? user.userId() : null,
                appScopes.contains(Scopes.USER_PHONE_READ) ? user.mobile() : null,
                tenantKey);
    }
}
